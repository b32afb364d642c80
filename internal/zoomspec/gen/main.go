// Command gen writes internal/zoomspec/testdata/openapi-extract.json, the structural extract of Zoom's OpenAPI
// specifications that the repository's spec tests read.
//
// Zoom publishes the OpenAPI documents of its REST APIs with the API reference of its developer documentation
// (index: https://developers.zoom.us/docs/api/): each product's reference page, such as the Users API
// (https://developers.zoom.us/docs/api/users/), the Meetings API (https://developers.zoom.us/docs/api/meetings/)
// and the Zoom Mail API, offers its OpenAPI document as a JSON download (served from
// https://developers.zoom.us/api-hub/). Save the Users, Meetings and Mail documents into one folder, named
// ZoomUserAPISpec.json, ZoomMeetingAPISpec.json and ZoomMailAPISpec.json, then run
//
//	ZOOM_OPENAPI_DIR=/path/to/folder go generate ./internal/zoomspec
//
// or `go run ./internal/zoomspec/gen -specs /path/to/folder` from the repository root.
//
// The operations extracted are exactly those the client annotates with a `//meta:operation METHOD /path` comment
// in internal/client. For each, the extract keeps only structure: operationId, method, path, parameters (name, in,
// required, schema), the JSON request body schema, and per documented HTTP status the JSON response schema and the
// documented Zoom error codes (numbers only). Schemas keep type, format, enum, bounds, required, property names,
// items, combinators, defaults and deprecation; every description, example and title is dropped, and $refs are
// resolved. Output is indented JSON with sorted keys, so a regeneration from the same specs is byte-identical.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// specFiles are searched in this order: the Meeting document repeats some user operations, and the Users
// document is the authoritative one for them.
var specFiles = []struct{ api, file string }{
	{"user", "ZoomUserAPISpec.json"},
	{"mail", "ZoomMailAPISpec.json"},
	{"meeting", "ZoomMeetingAPISpec.json"},
}

// schemaKeys are the JSON-Schema keywords kept in the extract: all of them describe structure, none prose.
var schemaKeys = map[string]bool{
	"type": true, "format": true, "enum": true, "default": true, "deprecated": true, "nullable": true,
	"minimum": true, "maximum": true, "exclusiveMinimum": true, "exclusiveMaximum": true,
	"minLength": true, "maxLength": true, "minItems": true, "maxItems": true, "uniqueItems": true, "pattern": true,
	"required": true, "properties": true, "items": true, "additionalProperties": true,
	"oneOf": true, "anyOf": true, "allOf": true, "not": true, "readOnly": true, "writeOnly": true,
}

// errorCode matches the error codes the specs list in a response's text, in each spelling they use:
// "**Error Code:** `1001`", "**Error Code**: `3001`", "**Error code:** `200`".
var errorCode = regexp.MustCompile("(?i)\\*\\*Error Code:?\\*\\*:?\\s*`(\\d+)`")

var annotation = regexp.MustCompile(`^//meta:operation\s+([A-Z]+)\s+(/\S*)\s*$`)

type operation struct {
	OperationID string              `json:"operationId"`
	API         string              `json:"api"`
	Method      string              `json:"method"`
	Path        string              `json:"path"`
	Parameters  []parameter         `json:"parameters,omitempty"`
	RequestBody any                 `json:"requestBody,omitempty"`
	Responses   map[string]response `json:"responses"`
}

type parameter struct {
	Name       string `json:"name"`
	In         string `json:"in"`
	Required   bool   `json:"required,omitempty"`
	Deprecated bool   `json:"deprecated,omitempty"`
	Schema     any    `json:"schema,omitempty"`
}

type response struct {
	Schema     any   `json:"schema,omitempty"`
	ErrorCodes []int `json:"errorCodes,omitempty"`
}

func main() {
	specs := flag.String("specs", os.Getenv("ZOOM_OPENAPI_DIR"), "folder holding Zoom's OpenAPI JSON files (default $ZOOM_OPENAPI_DIR)")
	clientDir := flag.String("client", "internal/client", "the client package whose //meta:operation annotations name the operations")
	out := flag.String("out", "internal/zoomspec/testdata/openapi-extract.json", "the extract to write")
	flag.Parse()
	if err := run(*specs, *clientDir, *out); err != nil {
		fmt.Fprintln(os.Stderr, "zoomspec gen:", err)
		os.Exit(1)
	}
}

func run(specDir, clientDir, out string) error {
	if specDir == "" {
		return errors.New("give the folder of Zoom's OpenAPI files with -specs or ZOOM_OPENAPI_DIR")
	}
	wanted, err := annotatedOperations(clientDir)
	if err != nil {
		return err
	}
	if len(wanted) == 0 {
		return fmt.Errorf("no //meta:operation annotations in %s", clientDir)
	}
	docs := make([]map[string]any, len(specFiles))
	for i, f := range specFiles {
		b, err := os.ReadFile(filepath.Join(specDir, f.file))
		if err != nil {
			return err
		}
		if err := json.Unmarshal(b, &docs[i]); err != nil {
			return fmt.Errorf("%s: %w", f.file, err)
		}
	}
	var ops []operation
	for _, w := range wanted {
		op, err := extract(docs, w[0], w[1])
		if err != nil {
			return err
		}
		ops = append(ops, op)
	}
	sort.Slice(ops, func(i, j int) bool {
		if ops[i].Path != ops[j].Path {
			return ops[i].Path < ops[j].Path
		}
		return ops[i].Method < ops[j].Method
	})
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", " ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(map[string]any{"operations": ops}); err != nil {
		return err
	}
	return os.WriteFile(out, buf.Bytes(), 0o644)
}

// annotatedOperations returns the sorted, de-duplicated (METHOD, path) pairs annotated in the non-test Go files
// of dir.
func annotatedOperations(dir string) ([][2]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	var ops [][2]string
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		for _, line := range strings.Split(string(b), "\n") {
			if m := annotation.FindStringSubmatch(strings.TrimSpace(line)); m != nil {
				op := [2]string{m[1], m[2]}
				if !slices.Contains(ops, op) {
					ops = append(ops, op)
				}
			}
		}
	}
	slices.SortFunc(ops, func(a, b [2]string) int { return strings.Compare(a[1]+" "+a[0], b[1]+" "+b[0]) })
	return ops, nil
}

func extract(docs []map[string]any, method, path string) (operation, error) {
	for i, doc := range docs {
		paths, _ := doc["paths"].(map[string]any)
		item, _ := paths[path].(map[string]any)
		raw, ok := item[strings.ToLower(method)].(map[string]any)
		if !ok {
			continue
		}
		r := resolver{doc: doc}
		op := operation{API: specFiles[i].api, Method: method, Path: path, Responses: map[string]response{}}
		op.OperationID, _ = raw["operationId"].(string)
		// Path-level parameters apply to every method of the path; the operation's own override them.
		params := map[string]parameter{}
		var order []string
		for _, list := range []any{item["parameters"], raw["parameters"]} {
			ps, _ := list.([]any)
			for _, p := range ps {
				pm, _ := r.deref(p).(map[string]any)
				prm := parameter{}
				prm.Name, _ = pm["name"].(string)
				prm.In, _ = pm["in"].(string)
				prm.Required, _ = pm["required"].(bool)
				prm.Deprecated, _ = pm["deprecated"].(bool)
				if s, ok := pm["schema"]; ok {
					prm.Schema = r.schema(s, 0)
				}
				key := prm.In + " " + prm.Name
				if _, seen := params[key]; !seen {
					order = append(order, key)
				}
				params[key] = prm
			}
		}
		sort.Strings(order)
		for _, k := range order {
			op.Parameters = append(op.Parameters, params[k])
		}
		if rb, ok := r.deref(raw["requestBody"]).(map[string]any); ok {
			op.RequestBody = r.jsonSchema(rb)
		}
		resps, _ := raw["responses"].(map[string]any)
		for status, v := range resps {
			rm, _ := r.deref(v).(map[string]any)
			resp := response{Schema: r.jsonSchema(rm)}
			desc, _ := rm["description"].(string)
			for _, m := range errorCode.FindAllStringSubmatch(desc, -1) {
				n, err := strconv.Atoi(m[1])
				if err != nil {
					return op, err
				}
				if !slices.Contains(resp.ErrorCodes, n) {
					resp.ErrorCodes = append(resp.ErrorCodes, n)
				}
			}
			slices.Sort(resp.ErrorCodes)
			op.Responses[status] = resp
		}
		return op, nil
	}
	return operation{}, fmt.Errorf("%s %s is in none of the specs (annotated in the client)", method, path)
}

type resolver struct{ doc map[string]any }

// deref follows a local "$ref" ("#/components/...") until it reaches an object without one.
func (r resolver) deref(v any) any {
	for range 32 {
		m, ok := v.(map[string]any)
		if !ok {
			return v
		}
		ref, ok := m["$ref"].(string)
		if !ok {
			return v
		}
		var cur any = r.doc
		for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
			part = strings.ReplaceAll(strings.ReplaceAll(part, "~1", "/"), "~0", "~")
			cm, _ := cur.(map[string]any)
			cur = cm[part]
		}
		v = cur
	}
	return v
}

// jsonSchema returns the reduced application/json schema of a request body or response, or nil.
func (r resolver) jsonSchema(m map[string]any) any {
	content, _ := m["content"].(map[string]any)
	media, _ := content["application/json"].(map[string]any)
	if s, ok := media["schema"]; ok {
		return r.schema(s, 0)
	}
	return nil
}

// schema keeps the structural keywords of a schema, recursively, with $refs resolved.
func (r resolver) schema(v any, depth int) any {
	if depth > 40 {
		return map[string]any{}
	}
	m, ok := r.deref(v).(map[string]any)
	if !ok {
		return v
	}
	out := map[string]any{}
	for k, val := range m {
		if !schemaKeys[k] {
			continue
		}
		switch k {
		case "properties":
			props := map[string]any{}
			pm, _ := val.(map[string]any)
			for name, p := range pm {
				props[name] = r.schema(p, depth+1)
			}
			out[k] = props
		case "items", "not":
			out[k] = r.schema(val, depth+1)
		case "additionalProperties":
			if _, isBool := val.(bool); isBool {
				out[k] = val
			} else {
				out[k] = r.schema(val, depth+1)
			}
		case "oneOf", "anyOf", "allOf":
			list, _ := val.([]any)
			var subs []any
			for _, s := range list {
				subs = append(subs, r.schema(s, depth+1))
			}
			out[k] = subs
		default:
			out[k] = val
		}
	}
	return out
}
