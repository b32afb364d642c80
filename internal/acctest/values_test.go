package acctest

import (
	"encoding/json"
	"reflect"
	"testing"
)

func TestJSONNumbers(t *testing.T) {
	in := map[string]any{"n": 3.0, "f": 0.25, "s": "7", "b": true, "nil": nil,
		"list": []any{1.0, map[string]any{"deep": 12345678901.0}}}
	want := map[string]any{"n": json.Number("3"), "f": json.Number("0.25"), "s": "7", "b": true, "nil": nil,
		"list": []any{json.Number("1"), map[string]any{"deep": json.Number("12345678901")}}}
	if got := JSONNumbers(in); !reflect.DeepEqual(got, want) {
		t.Errorf("JSONNumbers(%v) = %v, want %v", in, got, want)
	}
	if in["n"] != 3.0 {
		t.Error("JSONNumbers changed its argument")
	}
}
