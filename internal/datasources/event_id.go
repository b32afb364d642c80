package datasources

import (
	"context"
	"fmt"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// parseMeetingID parses a meeting number: a positive decimal integer without sign or leading zeros.
func parseMeetingID(s string) (int64, error) { return parseEventNumber("meeting", s) }

// parseEventNumber parses the number of a meeting or webinar (noun): a positive decimal integer without sign or
// leading zeros.
func parseEventNumber(noun, s string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 || strconv.FormatInt(id, 10) != s {
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
