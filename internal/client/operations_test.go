package client

import (
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/zoomspec"
)

// The guard against calling an operation the spec extract lacks has three parts:
//
//   - TestAnnotatedOperationsAreTheExtract: the //meta:operation annotations of the client's non-test files name
//     exactly the operations of the committed extract (the extract's generator reads the same annotations).
//   - TestEveryRequestSiteIsAnnotated: a type-checked call graph of the client's non-test code; every function that
//     calls a request primitive is annotated, or every chain of callers above it reaches an annotated function
//     first. A new call site without an annotation fails here even when no test exercises it.
//   - TestMain: every request the package's unit tests send through newTestClient is attributed, from the call
//     stack, to the annotated function that sent it, and must match one of that function's annotated operations
//     (method and path template). After a full run, every annotated operation must have been sent at least once.

// requestPrimitives are the functions through which every API request goes.
var requestPrimitives = []string{"(*Client).do", "(*Client).get", "(*Client).post", "(*Client).put", "(*Client).patch",
	"(*Client).del", "(*Client).send", "listAll", "paginate"}

var annotationRE = regexp.MustCompile(`^//meta:operation\s+([A-Z]+)\s+(/\S*)\s*$`)

// clientFuncs parses the package's non-test files: the annotations per function ("(*UsersService).Create") and
// the parsed files.
func clientFuncs() (map[string][]string, *token.FileSet, []*ast.File, error) {
	fset := token.NewFileSet()
	names, err := filepath.Glob("*.go")
	if err != nil {
		return nil, nil, nil, err
	}
	ann := map[string][]string{}
	var files []*ast.File
	for _, n := range names {
		if strings.HasSuffix(n, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, n, nil, parser.ParseComments)
		if err != nil {
			return nil, nil, nil, err
		}
		files = append(files, f)
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Doc == nil {
				continue
			}
			for _, c := range fd.Doc.List {
				if m := annotationRE.FindStringSubmatch(c.Text); m != nil {
					ann[funcKey(fd)] = append(ann[funcKey(fd)], m[1]+" "+m[2])
				}
			}
		}
	}
	return ann, fset, files, nil
}

// funcKey names a declared function the way the runtime does, without the package: "(*T).M", "T.M" or "F".
func funcKey(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return fd.Name.Name
	}
	t := fd.Recv.List[0].Type
	ptr := false
	if s, ok := t.(*ast.StarExpr); ok {
		ptr, t = true, s.X
	}
	if ix, ok := t.(*ast.IndexExpr); ok {
		t = ix.X
	}
	name := t.(*ast.Ident).Name
	if ptr {
		return "(*" + name + ")." + fd.Name.Name
	}
	return name + "." + fd.Name.Name
}

func TestAnnotatedOperationsAreTheExtract(t *testing.T) {
	ann, _, _, err := clientFuncs()
	if err != nil {
		t.Fatal(err)
	}
	spec := zoomspec.MustLoad()
	annotated := map[string]bool{}
	for fn, ops := range ann {
		for _, op := range ops {
			annotated[op] = true
			method, path, _ := strings.Cut(op, " ")
			if spec.Op(method, path) == nil {
				t.Errorf("%s calls %s, which the spec extract lacks: run go generate ./internal/zoomspec with Zoom's specs (or fix the annotation)", fn, op)
			}
		}
	}
	for _, op := range spec.Operations {
		if !annotated[op.Method+" "+op.Path] {
			t.Errorf("the extract has %s %s (%s), which no client function is annotated with: regenerate the extract", op.Method, op.Path, op.OperationID)
		}
	}
	if len(annotated) < 30 {
		t.Fatalf("only %d annotated operations found; the parser is broken", len(annotated))
	}
}

func TestEveryRequestSiteIsAnnotated(t *testing.T) {
	ann, fset, files, err := clientFuncs()
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Uses: map[*ast.Ident]types.Object{}, Defs: map[*ast.Ident]types.Object{}}
	// Only the package's own functions matter: imports are left empty and the errors they cause ignored, which
	// keeps the check fast and free of the module cache.
	conf := types.Config{Importer: emptyImporter{}, Error: func(error) {}}
	_, _ = conf.Check("client", fset, files, info)
	// key of a *types.Func as funcKey gives it.
	keyOf := func(f *types.Func) string {
		f = f.Origin()
		sig := f.Type().(*types.Signature)
		if sig.Recv() == nil {
			return f.Name()
		}
		rt := sig.Recv().Type()
		ptr := false
		if p, ok := rt.(*types.Pointer); ok {
			ptr, rt = true, p.Elem()
		}
		name := rt.(*types.Named).Obj().Name()
		if ptr {
			return "(*" + name + ")." + f.Name()
		}
		return name + "." + f.Name()
	}
	callers := map[string][]string{} // callee -> callers
	callsPrimitive := map[string]bool{}
	for _, f := range files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			caller := funcKey(fd)
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				var id *ast.Ident
				switch x := n.(type) {
				case *ast.SelectorExpr:
					id = x.Sel
				case *ast.Ident:
					id = x
				default:
					return true
				}
				fn, ok := info.Uses[id].(*types.Func)
				if !ok {
					return true
				}
				callee := keyOf(fn)
				if !slices.Contains(callers[callee], caller) {
					callers[callee] = append(callers[callee], caller)
				}
				if slices.Contains(requestPrimitives, callee) && !slices.Contains(requestPrimitives, caller) {
					callsPrimitive[caller] = true
				}
				return true
			})
		}
	}
	var covered func(fn string, seen map[string]bool) (bool, string)
	covered = func(fn string, seen map[string]bool) (bool, string) {
		if len(ann[fn]) > 0 {
			return true, ""
		}
		if seen[fn] {
			return true, "" // a cycle adds no new entry point
		}
		seen[fn] = true
		cs := callers[fn]
		if len(cs) == 0 {
			return false, fn
		}
		for _, c := range cs {
			if ok, root := covered(c, seen); !ok {
				return false, root
			}
		}
		return true, ""
	}
	var sites []string
	for fn := range callsPrimitive {
		sites = append(sites, fn)
	}
	sort.Strings(sites)
	for _, fn := range sites {
		if ok, root := covered(fn, map[string]bool{}); !ok {
			t.Errorf("%s sends API requests but %s, which reaches it, has no //meta:operation annotation naming the operation", fn, root)
		}
	}
	if len(sites) < 20 {
		t.Fatalf("only %d request sites found (%v); the call graph is broken", len(sites), sites)
	}
}

type emptyImporter struct{}

func (emptyImporter) Import(path string) (*types.Package, error) {
	p := types.NewPackage(path, filepath.Base(path))
	p.MarkComplete()
	return p, nil
}

// sentRequest is one request the unit tests sent.
type sentRequest struct {
	method, path string // path relative to the API base, e.g. /users/abc
	fn           string // the annotated function that sent it; "" when a test called a primitive itself
	unannotated  string // a non-test client function without annotation that sent it
}

var sent struct {
	sync.Mutex
	list []sentRequest
}

// recordingTransport records every API request with the client function that sent it.
type recordingTransport struct {
	base http.RoundTripper
	ann  map[string][]string
}

func (rt recordingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if p, ok := strings.CutPrefix(r.URL.EscapedPath(), "/v2/"); ok {
		s := sentRequest{method: r.Method, path: "/" + p}
		pcs := make([]uintptr, 64)
		frames := runtime.CallersFrames(pcs[:runtime.Callers(2, pcs)])
		for {
			fr, more := frames.Next()
			_, fn, inPkg := strings.Cut(fr.Function, "/internal/client.")
			if inPkg && !strings.HasSuffix(fr.File, "_test.go") {
				fn = genericArgs.ReplaceAllString(fn, "")
				fn = strings.Split(fn, ".func")[0] // closures belong to their function
				if i := strings.LastIndex(fn, "."); i >= 0 && (fn[i+1:] == "paginate" || fn[i+1:] == "listAll") {
					fn = fn[i+1:] // an iterator's body inlined into its caller
				}
				if len(rt.ann[fn]) > 0 {
					s.fn = fn
					break
				}
				if !slices.Contains(requestPrimitives, fn) && s.unannotated == "" {
					s.unannotated = fn
				}
			}
			if inPkg && strings.HasSuffix(fr.File, "_test.go") || !more {
				break
			}
		}
		sent.Lock()
		sent.list = append(sent.list, s)
		sent.Unlock()
	}
	return rt.base.RoundTrip(r)
}

var genericArgs = regexp.MustCompile(`\[[^\]]*\]`)

var testAnnotations map[string][]string

// recordRequests makes c record what it sends (newTestClient calls it).
func recordRequests(c *Client) {
	if testAnnotations == nil {
		return
	}
	c.httpClient.Transport = recordingTransport{base: c.httpClient.Transport, ann: testAnnotations}
}

func TestMain(m *testing.M) {
	ann, _, _, err := clientFuncs()
	if err != nil {
		fmt.Fprintln(os.Stderr, "reading the client's annotations:", err)
		os.Exit(1)
	}
	testAnnotations = ann
	code := m.Run()
	// The "every operation sent" half needs the whole package to have run (no -run filter, no failure).
	fullRun := code == 0 && flag.Lookup("test.run").Value.String() == ""
	if problems := checkSentRequests(ann, fullRun); len(problems) > 0 {
		fmt.Fprintln(os.Stderr, "FAIL: requests the client sent during the tests do not match the spec extract:")
		for _, p := range problems {
			fmt.Fprintln(os.Stderr, "  "+p)
		}
		code = 1
	}
	os.Exit(code)
}

func checkSentRequests(ann map[string][]string, fullRun bool) []string {
	spec := zoomspec.MustLoad()
	sent.Lock()
	defer sent.Unlock()
	var problems []string
	seen := map[string]bool{}
	exercised := map[string]bool{}
	for _, s := range sent.list {
		op := spec.Match(s.method, s.path)
		var p string
		switch {
		case s.fn == "" && s.unannotated != "":
			p = fmt.Sprintf("%s %s was sent by %s, which has no //meta:operation annotation", s.method, s.path, s.unannotated)
		case s.fn == "":
			continue // a test drove a request primitive itself
		case op == nil:
			p = fmt.Sprintf("%s sent %s %s, which matches no operation of the spec extract", s.fn, s.method, s.path)
		case !slices.Contains(ann[s.fn], op.Method+" "+op.Path):
			p = fmt.Sprintf("%s sent %s %s (%s), but is annotated %v", s.fn, s.method, s.path, op.OperationID, ann[s.fn])
		default:
			exercised[op.Method+" "+op.Path] = true
		}
		if p != "" && !seen[p] {
			seen[p] = true
			problems = append(problems, p)
		}
	}
	if fullRun {
		for fn, ops := range ann {
			for _, op := range ops {
				if !exercised[op] {
					problems = append(problems, fmt.Sprintf("no unit test sends %s (%s): add one, so this guard sees its path", op, fn))
				}
			}
		}
	}
	sort.Strings(problems)
	return problems
}

// TestRegistrantAndTemplateOperationsSendTheirPath drives the operations no other unit test sends, so that the
// request guard of TestMain sees every annotated operation, and checks each request against the extract.
func TestRegistrantAndTemplateOperationsSendTheirPath(t *testing.T) {
	c, reqs := captureServer(t, 200, `{}`)
	ctx := t.Context()
	refs := []RegistrantRef{{ID: "r1"}}
	calls := []struct {
		operationID string
		call        func() error
	}{
		{"meetingregistrantdelete", func() error { return c.MeetingRegistrants.Delete(ctx, 1, "r1", "") }},
		{"meetingRegistrants", func() error { _, err := c.MeetingRegistrants.List(ctx, 1, nil); return err }},
		{"listWebinarTemplates", func() error { _, err := c.Webinars.ListTemplates(ctx, "u1"); return err }},
		{"webinarRegistrants", func() error { _, err := c.WebinarRegistrants.List(ctx, 1, nil); return err }},
		{"webinarRegistrantGet", func() error { _, err := c.WebinarRegistrants.Get(ctx, 1, "r1"); return err }},
		{"webinarRegistrantStatus", func() error { return c.WebinarRegistrants.UpdateStatus(ctx, 1, "approve", refs) }},
	}
	spec := zoomspec.MustLoad()
	for i, k := range calls {
		if err := k.call(); err != nil {
			t.Errorf("%s: %v", k.operationID, err)
		}
		got := reqs()
		if len(got) != i+1 {
			t.Fatalf("%s sent %d requests, want 1", k.operationID, len(got)-i)
		}
		r := got[i]
		op := spec.Match(r.method, strings.TrimPrefix(r.path, "/v2"))
		if op == nil || op.OperationID != k.operationID {
			t.Errorf("%s sent %s %s, which the extract matches to %v", k.operationID, r.method, r.path, op)
		}
	}
}
