package diagnostics

import (
	"strings"
	"testing"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
)

func TestExplainRequiredTrackingField(t *testing.T) {
	named := &client.APIError{HTTPStatus: 400, Code: 300, Message: "Validation Failed.", Errors: []client.FieldError{
		{Field: "tracking_fields", Message: `The tracking field "Cost centre" is required: give it a value in tracking_fields.`}}}
	got := Explain(named)
	for _, want := range []string{`Zoom code 300`, `the required tracking field "Cost centre"`, `field = "Cost centre"`,
		`zoom_tracking_field.<name>.field`, `required = false`} {
		if !strings.Contains(got, want) {
			t.Errorf("explanation lacks %q:\n%s", want, got)
		}
	}
	// Zoom's own wording may name no field.
	if got := Explain(&client.APIError{HTTPStatus: 400, Code: 300, Message: "A required tracking field is missing."}); !strings.Contains(got, "a tracking field that the account marks required") {
		t.Errorf("explanation without a label:\n%s", got)
	}
	// Other validation failures are left alone.
	if got := Explain(&client.APIError{HTTPStatus: 400, Code: 300, Message: "Validation Failed."}); strings.Contains(got, "tracking") {
		t.Errorf("unrelated failure explained as a tracking field:\n%s", got)
	}
}
