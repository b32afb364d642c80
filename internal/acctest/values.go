package acctest

import (
	"encoding/json"
	"strconv"
)

// JSONNumbers returns v, a value decoded from Terraform's JSON (an attribute of a plan's prior state, say), with
// its numbers as json.Number instead of float64: plans are decoded with float64 numbers, while the state that
// state checks see, and the knownvalue checks, hold json.Number.
func JSONNumbers(v any) any {
	switch v := v.(type) {
	case float64:
		return json.Number(strconv.FormatFloat(v, 'f', -1, 64))
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			out[k] = JSONNumbers(e)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = JSONNumbers(e)
		}
		return out
	}
	return v
}
