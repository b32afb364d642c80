package errortable

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/zoomspec"
)

// TestTableCoversTheExtract fails when an operation the client calls has a documented (status, code) pair the
// table lacks, when the table has a row for a pair no operation documents (unless marked Extra), or when a row
// is duplicated.
func TestTableCoversTheExtract(t *testing.T) {
	spec := zoomspec.MustLoad()
	rows := map[string]Row{}
	ids := map[string]bool{}
	for _, row := range table {
		if ids[row.ID()] {
			t.Errorf("%s: two rows (give a further cause of an answer its own Case)", row.ID())
		}
		ids[row.ID()] = true
		if _, first := rows[row.Key()]; !first && row.Case != "" {
			t.Errorf("%s: the first row of an answer has no Case", row.ID())
		}
		if _, ok := rows[row.Key()]; !ok {
			rows[row.Key()] = row
		}
	}
	documented := map[string]bool{}
	for _, p := range spec.Pairs() {
		k := Row{Op: p.OperationID, Status: p.Status, Code: p.Code}.Key()
		documented[k] = true
		if _, ok := rows[k]; !ok {
			t.Errorf("no row for the documented answer %s", p)
		}
	}
	for k, row := range rows {
		op := spec.ByID(row.Op)
		switch {
		case op == nil:
			t.Errorf("%s: the client calls no operation %q", k, row.Op)
		case !documented[k] && !row.Extra:
			t.Errorf("%s: the spec does not document this answer; remove the row or mark it Extra (observed but undocumented)", k)
		case documented[k] && row.Extra:
			t.Errorf("%s: marked Extra but documented", k)
		}
	}
	if len(documented) < 150 {
		t.Fatalf("only %d documented pairs in the extract", len(documented))
	}
}

// TestRowsAreComplete checks each row says what it must for its kind.
func TestRowsAreComplete(t *testing.T) {
	for _, row := range table {
		k := row.ID()
		if row.When == "" {
			t.Errorf("%s: no condition", k)
		}
		if Area(row.Op) == "" {
			t.Errorf("%s: no area for the guide", k)
		}
		switch row.Reach {
		case Sandbox:
			if row.Test == "" || row.Why != "" {
				t.Errorf("%s: a sandbox row names its test, and no reason", k)
			}
		case NotModelled, Unreachable:
			if row.Why == "" || row.Test != "" {
				t.Errorf("%s: a %s row says why, and names no test", k, row.Reach)
			}
		default:
			t.Errorf("%s: unknown reach %q", k, row.Reach)
		}
		if row.Reach != Unreachable && row.Action == "" {
			t.Errorf("%s: the provider can meet it, so the row must say what to do", k)
		}
		if row.Handling == PlanTime && row.Terraform == "" {
			t.Errorf("%s: a plan-time row names the test in which the provider refuses the configuration", k)
		}
		switch row.Handling {
		case Diagnostic, Gone, Done, Retry, Adopt, PlanTime:
		default:
			t.Errorf("%s: unknown handling %q", k, row.Handling)
		}
	}
}

// TestRowTestsExist checks that every test a row names is a Test function of the named package.
func TestRowTestsExist(t *testing.T) {
	root := filepath.Join("..", "..")
	cache := map[string]map[string]bool{}
	for _, row := range table {
		if (row.Terraform == "") != (row.Message == "") {
			t.Errorf("%s: a Terraform test and the provider message it checks go together", row.ID())
		}
		if _, err := regexp.Compile(row.Message); err != nil {
			t.Errorf("%s: message: %v", row.ID(), err)
		}
		if row.Terraform != "" && row.Reach != Sandbox {
			t.Errorf("%s: only a row the sandbox reproduces can be met through Terraform", row.ID())
		}
		for _, test := range []string{row.Test, row.Terraform} {
			if test == "" {
				continue
			}
			pkg, name, ok := strings.Cut(test, ".")
			if !ok || !strings.HasPrefix(name, "Test") {
				t.Errorf("%s: test %q is not package.TestName", row.ID(), test)
				continue
			}
			funcs, ok := cache[pkg]
			if !ok {
				funcs = testFuncs(t, filepath.Join(root, pkg))
				cache[pkg] = funcs
			}
			if !funcs[name] {
				t.Errorf("%s: names %s, which does not exist", row.ID(), test)
			}
		}
	}
}

func testFuncs(t *testing.T, dir string) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Errorf("%v", err)
		return out
	}
	fset := token.NewFileSet()
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, e.Name()), nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil {
				out[fd.Name.Name] = true
			}
		}
	}
	return out
}
