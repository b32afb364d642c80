package ephemeral_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/echoprovider"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
)

func TestMain(m *testing.M) {
	acctest.Main(m)
}

// echoAddr is the echo resource whose state carries an ephemeral resource's result. It exists only in these
// tests: Terraform keeps ephemeral values out of plans and state, so the echo provider (configured with the
// ephemeral result) is the test's only window onto them.
const echoAddr = "echo.test"

// factories serves the Zoom provider and the echo provider.
func factories() map[string]func() (tfprotov6.ProviderServer, error) {
	f := map[string]func() (tfprotov6.ProviderServer, error){"echo": echoprovider.NewProviderServer()}
	for name, p := range acctest.ProtoV6ProviderFactories {
		f[name] = p
	}
	return f
}

// echoConfig exposes the value of expr (ephemeral values) through echo.test.
func echoConfig(expr string) string {
	return fmt.Sprintf(`
provider "echo" {
  data = %s
}

resource "echo" "test" {}
`, expr)
}

// checkState adapts a function to statecheck.StateCheck.
type checkState func(*tfjson.State) error

func (f checkState) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	if req.State == nil || req.State.Values == nil || req.State.Values.RootModule == nil {
		resp.Error = fmt.Errorf("no state")
		return
	}
	resp.Error = f(req.State)
}

func resourceByAddr(s *tfjson.State, addr string) (*tfjson.StateResource, error) {
	for _, r := range s.Values.RootModule.Resources {
		if r.Address == addr {
			return r, nil
		}
	}
	return nil, fmt.Errorf("%s not in state", addr)
}

// echoed returns the attributes of the ephemeral result that echo.test recorded under key (its data is an object
// of ephemeral results).
func echoed(s *tfjson.State, key string) (map[string]any, error) {
	r, err := resourceByAddr(s, echoAddr)
	if err != nil {
		return nil, err
	}
	all, ok := r.AttributeValues["data"].(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s.data is %T, want an object", echoAddr, r.AttributeValues["data"])
	}
	data, ok := all[key].(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s.data.%s is %T, want an object", echoAddr, key, all[key])
	}
	return data, nil
}

// notInZoomState fails when secret appears anywhere in the state of a resource other than the echo resource.
func notInZoomState(s *tfjson.State, secret string) error {
	if secret == "" {
		return fmt.Errorf("empty secret")
	}
	for _, r := range s.Values.RootModule.Resources {
		if r.Address == echoAddr {
			continue
		}
		b, err := json.Marshal(r.AttributeValues)
		if err != nil {
			return err
		}
		if strings.Contains(string(b), secret) {
			return fmt.Errorf("the ephemeral value was written to the state of %s", r.Address)
		}
	}
	return nil
}

// expiresAt parses the echoed expires_at and checks that it lies within tolerance of want.
func expiresAt(data map[string]any, want time.Time, tolerance time.Duration) (time.Time, error) {
	s, ok := data["expires_at"].(string)
	if !ok {
		return time.Time{}, fmt.Errorf("expires_at is %v, want an RFC 3339 string", data["expires_at"])
	}
	at, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("expires_at %q is not RFC 3339: %v", s, err)
	}
	if d := at.Sub(want); d < -tolerance || d > tolerance {
		return at, fmt.Errorf("expires_at %s is %s away from the expected %s", s, d, want.UTC().Format(time.RFC3339))
	}
	return at, nil
}
