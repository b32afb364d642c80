package resources

import (
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// optionalString maps a string Zoom returns to a Terraform value: Zoom omits or blanks fields that are not set,
// which Terraform sees as null (schemas reject empty strings, so the two never need telling apart).
func optionalString(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

// optionalInt64 maps a number Zoom returns, where 0 means "not set", to a Terraform value.
func optionalInt64(n int64) types.Int64 {
	if n == 0 {
		return types.Int64Null()
	}
	return types.Int64Value(n)
}

var boolKeep = []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()}

var phoneCodePattern = regexp.MustCompile(`^\+[0-9]{1,4}$`)
