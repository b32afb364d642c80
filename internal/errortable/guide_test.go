package errortable

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGuideIsCurrent fails when the committed troubleshooting template differs from what the table renders:
// run go generate ./internal/errortable, then make docs.
func TestGuideIsCurrent(t *testing.T) {
	got, err := os.ReadFile(filepath.Join("..", "..", GuidePath))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != Guide() {
		t.Fatalf("%s is stale: run go generate ./internal/errortable && make docs", GuidePath)
	}
}

// TestGuideListsEveryErrorAUserCanMeet checks that each row the provider can meet appears in the guide.
func TestGuideListsEveryErrorAUserCanMeet(t *testing.T) {
	g := Guide()
	for _, r := range table {
		if r.Reach == Unreachable {
			continue
		}
		if !strings.Contains(g, cell(r.When)) || !strings.Contains(g, "## "+Area(r.Op)+"\n") {
			t.Errorf("%s is not in the guide", r.Key())
		}
	}
	if strings.Contains(g, "{{") {
		t.Error("the guide would be read as template actions by tfplugindocs")
	}
}
