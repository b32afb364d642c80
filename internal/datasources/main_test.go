package datasources_test

import (
	"testing"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
)

func TestMain(m *testing.M) {
	acctest.Main(m)
}
