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
		if r.Reach == Unreachable || Verb(r.Op) == "" {
			continue
		}
		if !strings.Contains(g, cell(r.When)) || !strings.Contains(g, "## "+Area(r.Op)+"\n") {
			t.Errorf("%s is not in the guide", r.ID())
		}
	}
	if strings.Contains(g, "{{") {
		t.Error("the guide would be read as template actions by tfplugindocs")
	}
}

// TestGuideOmitsOnlyUnsentOperations checks that the operations the guide leaves out are really never sent by the
// provider's resources and data sources, and that every other operation has a verb.
func TestGuideOmitsOnlyUnsentOperations(t *testing.T) {
	var code strings.Builder
	for _, dir := range []string{"resources", "datasources", "ephemeral", "provider"} {
		files, err := filepath.Glob(filepath.Join("..", dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			code.Write(b)
		}
	}
	if code.Len() == 0 {
		t.Fatal("no provider code found")
	}
	for op, method := range unsent {
		if strings.Contains(code.String(), method+"(") {
			t.Errorf("the provider now calls %s (%s): give %s a verb so the guide lists its errors", method, op, op)
		}
		if Verb(op) != "" {
			t.Errorf("%s has a verb but is listed as never sent", op)
		}
	}
	for _, r := range table {
		if _, skip := unsent[r.Op]; !skip && Verb(r.Op) == "" {
			t.Errorf("%s: no verb for the guide", r.Key())
		}
	}
}
