package zoomspec

import "testing"

func TestMatchPrefersLiteralSegments(t *testing.T) {
	e := MustLoad()
	for _, c := range []struct{ method, path, want string }{
		{"GET", "/users/email", "userEmail"},
		{"GET", "/users/abc", "user"},
		{"get", "/users", "users"},
		{"PUT", "/meetings/1/registrants/status", "meetingRegistrantStatus"},
		{"GET", "/meetings/1/registrants/status", "meetingRegistrantGet"},
		{"DELETE", "/webinars/9/registrants/r", "deleteWebinarRegistrant"},
		{"PUT", "/emails/mailboxes/a@b.c/settings/vacation", "update_mailbox_vacation_response_setting"},
	} {
		op := e.Match(c.method, c.path)
		if op == nil || op.OperationID != c.want {
			t.Errorf("Match(%s %s) = %v, want %s", c.method, c.path, op, c.want)
		}
	}
	for _, miss := range [][2]string{{"POST", "/users/abc"}, {"GET", "/users/abc/extra/x"}, {"GET", "/meetings//registrants"}} {
		if op := e.Match(miss[0], miss[1]); op != nil {
			t.Errorf("Match(%s %s) = %s, want none", miss[0], miss[1], op.OperationID)
		}
	}
}

func TestExtractHoldsTheDocumentedPairs(t *testing.T) {
	e := MustLoad()
	del := e.ByID("userDelete")
	if del == nil || !del.Documents(400, 1107) || !del.Documents(404, 1001) || del.Documents(400, 1001) {
		t.Fatalf("userDelete pairs: %v", del)
	}
	// Both spellings of the marker the specs use ("**Error Code:**" and "**Error Code**:") are read.
	if md := e.ByID("meetingDelete"); md == nil || !md.Documents(400, 3002) || !md.Documents(404, 3001) {
		t.Fatalf("meetingDelete pairs: %v", md)
	}
	if n := len(e.Pairs()); n < 150 {
		t.Fatalf("%d documented pairs, want the whole set", n)
	}
	if p := del.Param("query", "action"); p == nil || len(p.Schema["enum"].([]any)) != 2 {
		t.Fatalf("userDelete action parameter: %+v", p)
	}
}

func TestConformFindsEveryKindOfProblem(t *testing.T) {
	s := Schema{"type": "object", "required": []any{"a"}, "properties": map[string]any{
		"a": map[string]any{"type": "integer", "enum": []any{1.0, 2.0}, "maximum": 2.0},
		"b": map[string]any{"type": "string", "maxLength": 2.0, "enum": []any{"x", "y"}},
		"c": map[string]any{"type": "array", "items": map[string]any{"type": "boolean"}},
	}}
	errs := Conform("t", map[string]any{"b": "xyz", "c": []any{true, "no"}, "d": 1.0}, s)
	if len(errs) != 5 { // unknown d, missing a, b not in enum, b too long, c[1] not boolean
		t.Fatalf("%d problems: %v", len(errs), errs)
	}
}
