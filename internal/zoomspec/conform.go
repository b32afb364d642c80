package zoomspec

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// Conform reports every way v (decoded JSON) breaks schema: unknown keys, missing required keys, wrong types,
// values outside enums, lengths and maxima. It understands the subset of JSON Schema the Zoom specifications use.
// at prefixes every message (e.g. "post /users").
func Conform(at string, v any, schema Schema) []string {
	var errs []string
	bad := func(format string, args ...any) { errs = append(errs, at+": "+fmt.Sprintf(format, args...)) }
	switch schema["type"] {
	case "object":
		obj, ok := v.(map[string]any)
		if !ok {
			bad("want an object, got %T", v)
			return errs
		}
		props, _ := schema["properties"].(map[string]any)
		for k, val := range obj {
			sub, ok := props[k].(map[string]any)
			if !ok {
				bad("%q is not a field of the spec", k)
				continue
			}
			errs = append(errs, Conform(at+"."+k, val, sub)...)
		}
		if req, ok := schema["required"].([]any); ok {
			for _, r := range req {
				if _, ok := obj[r.(string)]; !ok {
					bad("required field %q missing", r)
				}
			}
		}
	case "array":
		arr, ok := v.([]any)
		if !ok {
			bad("want an array, got %T", v)
			return errs
		}
		if items, ok := schema["items"].(map[string]any); ok {
			for i, item := range arr {
				errs = append(errs, Conform(fmt.Sprintf("%s[%d]", at, i), item, items)...)
			}
		}
	case "string":
		s, ok := v.(string)
		if !ok {
			bad("want a string, got %T", v)
			return errs
		}
		if enum, ok := schema["enum"].([]any); ok {
			// A recurrence's weekly_days is a comma-separated list of the enum's values (meetingCreate).
			for _, part := range strings.Split(s, ",") {
				if !slices.Contains(enum, any(part)) {
					bad("%q is not one of %v", part, enum)
				}
			}
		}
		if max, ok := schema["maxLength"].(float64); ok && float64(len(s)) > max {
			bad("longer than %v", max)
		}
	case "integer":
		n, ok := v.(float64)
		if !ok || n != math.Trunc(n) {
			bad("want an integer, got %v", v)
			return errs
		}
		if enum, ok := schema["enum"].([]any); ok && !slices.Contains(enum, any(n)) {
			bad("%v is not one of %v", n, enum)
		}
		if max, ok := schema["maximum"].(float64); ok && n > max {
			bad("%v is above %v", n, max)
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			bad("want a boolean, got %T", v)
		}
	}
	return errs
}
