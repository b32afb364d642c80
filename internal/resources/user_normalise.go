package resources

import (
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/tfvalue"
)

// Zoom may store e-mail addresses in another case than sent and reformat phone numbers. Read keeps the spelling
// already in state (the configured one) while Zoom's value means the same, so that neither shows as a change.

// sameEmail keeps prior when Zoom's e-mail is the same address in another case.
func sameEmail(prior types.String, zoom string) types.String {
	if !prior.IsNull() && !prior.IsUnknown() && strings.EqualFold(prior.ValueString(), zoom) {
		return prior
	}
	return tfvalue.StringOrNull(zoom)
}

// digitsOf keeps the digits of s.
func digitsOf(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// samePhone reports whether Zoom's phone number p is the one prior holds, written another way: the same digits,
// perhaps preceded by the calling code.
func samePhone(prior map[string]attr.Value, p client.PhoneNumber) bool {
	str := func(k string) string {
		v, _ := prior[k].(types.String)
		return v.ValueString()
	}
	if !strings.EqualFold(str("country"), p.Country) || str("label") != p.Label || digitsOf(str("code")) != digitsOf(p.Code) {
		return false
	}
	want, got := digitsOf(str("number")), digitsOf(p.Number)
	return want != "" && (got == want || got == digitsOf(p.Code)+want)
}

// phoneFromAPI returns the phone_numbers element for Zoom's p: the prior element at the same index when it is the
// same number, else Zoom's values.
func phoneFromAPI(prior types.List, i int, p client.PhoneNumber) (types.Object, bool) {
	if !prior.IsNull() && !prior.IsUnknown() && i < len(prior.Elements()) {
		if o, ok := prior.Elements()[i].(types.Object); ok && !o.IsNull() && !o.IsUnknown() && samePhone(o.Attributes(), p) {
			return o, true
		}
	}
	return types.Object{}, false
}
