package datasources

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
)

// parseEventNumber parses the number of a meeting or webinar (noun) with client.ParseMeetingID, with a message
// that says what to give instead.
func parseEventNumber(noun, s string) (int64, error) {
	id, err := client.ParseMeetingID(s)
	if err != nil {
		return 0, fmt.Errorf("%q is not a Zoom %s ID: use the %s number, a positive integer such as 85746065432, without spaces", s, noun, noun)
	}
	return id, nil
}

// eventIDValidator checks a meeting or webinar ID (noun) at plan time.
type eventIDValidator struct{ noun string }

func (v eventIDValidator) Description(context.Context) string {
	return "a " + v.noun + " number: a positive integer such as 85746065432"
}

func (v eventIDValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v eventIDValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := parseEventNumber(v.noun, req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+v.noun+" ID", err.Error())
	}
}
