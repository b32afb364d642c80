package tfvalue

import "testing"

func TestOrNull(t *testing.T) {
	if !StringOrNull("").IsNull() || StringOrNull("x").ValueString() != "x" || StringOrNull(" ").IsNull() {
		t.Error("StringOrNull: only the empty string is null")
	}
	if !Int64OrNull(0).IsNull() || Int64OrNull(-1).ValueInt64() != -1 || Int64OrNull(7).ValueInt64() != 7 {
		t.Error("Int64OrNull: only 0 is null")
	}
}
