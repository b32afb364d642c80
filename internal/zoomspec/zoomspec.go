// Package zoomspec gives tests the structure of the Zoom API operations the client calls: a committed extract of
// Zoom's official OpenAPI specifications (testdata/openapi-extract.json, written by ./gen) and a checker for the
// subset of JSON Schema those specifications use. It holds no prose of Zoom's: operationIds, paths, methods,
// parameters, schemas, documented HTTP statuses and the documented Zoom error codes per status.
//
// Only tests import this package.
package zoomspec

//go:generate go run ./gen -client ../client -out testdata/openapi-extract.json

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
)

//go:embed testdata/openapi-extract.json
var extractJSON []byte

// Schema is a reduced JSON schema as decoded from the extract (keys such as "type", "enum", "properties").
type Schema = map[string]any

// Extract is the decoded extract.
type Extract struct {
	Operations []*Operation `json:"operations"`
}

// Operation is one documented operation.
type Operation struct {
	OperationID string              `json:"operationId"`
	API         string              `json:"api"` // "user", "meeting" or "mail": the specification it comes from
	Method      string              `json:"method"`
	Path        string              `json:"path"` // the path template, e.g. /users/{userId}
	Parameters  []Parameter         `json:"parameters"`
	RequestBody Schema              `json:"requestBody"`
	Responses   map[string]Response `json:"responses"` // keyed by HTTP status, e.g. "204"
}

// Parameter is a path, query or header parameter.
type Parameter struct {
	Name       string `json:"name"`
	In         string `json:"in"`
	Required   bool   `json:"required"`
	Deprecated bool   `json:"deprecated"`
	Schema     Schema `json:"schema"`
}

// Response is one documented answer.
type Response struct {
	Schema     Schema `json:"schema"`
	ErrorCodes []int  `json:"errorCodes"`
}

// Pair is a documented (HTTP status, Zoom error code) answer of an operation.
type Pair struct {
	OperationID string
	Method      string
	Path        string
	Status      int
	Code        int
}

func (p Pair) String() string {
	return fmt.Sprintf("%s %s (%s): HTTP %d code %d", p.Method, p.Path, p.OperationID, p.Status, p.Code)
}

var load = sync.OnceValues(func() (*Extract, error) {
	e := new(Extract)
	if err := json.Unmarshal(extractJSON, e); err != nil {
		return nil, fmt.Errorf("zoomspec: decoding the extract: %w", err)
	}
	return e, nil
})

// Load returns the extract (decoded once; callers must not modify it).
func Load() (*Extract, error) { return load() }

// MustLoad is Load for tests: it panics if the committed extract does not decode.
func MustLoad() *Extract {
	e, err := load()
	if err != nil {
		panic(err)
	}
	return e
}

// Op returns the operation with this method and path template, or nil.
func (e *Extract) Op(method, path string) *Operation {
	for _, op := range e.Operations {
		if op.Method == strings.ToUpper(method) && op.Path == path {
			return op
		}
	}
	return nil
}

// ByID returns the operation with this operationId, or nil.
func (e *Extract) ByID(id string) *Operation {
	for _, op := range e.Operations {
		if op.OperationID == id {
			return op
		}
	}
	return nil
}

// Match returns the operation whose path template matches a concrete request path (e.g. /users/abc, without the
// /v2 prefix and query). Where several templates match, the one with the most literal segments wins, as a router
// would route /users/email before /users/{userId}.
func (e *Extract) Match(method, path string) *Operation {
	segs := strings.Split(strings.Trim(path, "/"), "/")
	var best *Operation
	bestLiterals := -1
	for _, op := range e.Operations {
		if op.Method != strings.ToUpper(method) {
			continue
		}
		tsegs := strings.Split(strings.Trim(op.Path, "/"), "/")
		if len(tsegs) != len(segs) {
			continue
		}
		literals, ok := 0, true
		for i, t := range tsegs {
			if strings.HasPrefix(t, "{") && strings.HasSuffix(t, "}") {
				if segs[i] == "" {
					ok = false
					break
				}
				continue
			}
			if t != segs[i] {
				ok = false
				break
			}
			literals++
		}
		if ok && literals > bestLiterals {
			best, bestLiterals = op, literals
		}
	}
	return best
}

// Pairs returns every documented (status, code) pair of every operation, sorted.
func (e *Extract) Pairs() []Pair {
	var out []Pair
	for _, op := range e.Operations {
		out = append(out, op.Pairs()...)
	}
	return out
}

// Pairs returns the documented (status, code) pairs of the operation, sorted by status then code.
func (o *Operation) Pairs() []Pair {
	var out []Pair
	for _, status := range o.Statuses() {
		for _, code := range o.Responses[strconv.Itoa(status)].ErrorCodes {
			out = append(out, Pair{OperationID: o.OperationID, Method: o.Method, Path: o.Path, Status: status, Code: code})
		}
	}
	return out
}

// Statuses returns the documented HTTP statuses of the operation, sorted.
func (o *Operation) Statuses() []int {
	var out []int
	for k := range o.Responses {
		if n, err := strconv.Atoi(k); err == nil {
			out = append(out, n)
		}
	}
	sort.Ints(out)
	return out
}

// Documents reports whether the operation documents this (status, code) answer.
func (o *Operation) Documents(status, code int) bool {
	r, ok := o.Responses[strconv.Itoa(status)]
	return ok && slices.Contains(r.ErrorCodes, code)
}

// Param returns the parameter with this location ("path", "query") and name, or nil.
func (o *Operation) Param(in, name string) *Parameter {
	for i := range o.Parameters {
		if o.Parameters[i].In == in && o.Parameters[i].Name == name {
			return &o.Parameters[i]
		}
	}
	return nil
}

// ResponseSchema returns the JSON schema of the answer with this status, or nil.
func (o *Operation) ResponseSchema(status int) Schema {
	return o.Responses[strconv.Itoa(status)].Schema
}
