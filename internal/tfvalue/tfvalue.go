// Package tfvalue maps the values Zoom reports to Terraform values, for resources, data sources and the meeting and
// webinar package alike. It imports nothing of the provider.
package tfvalue

import "github.com/hashicorp/terraform-plugin-framework/types"

// StringOrNull maps a string Zoom reports to a Terraform value: Zoom omits or blanks fields that are not set,
// which Terraform sees as null (the schemas reject empty strings, so the two never need telling apart).
func StringOrNull(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

// Int64OrNull maps a number Zoom reports, where 0 means "not set", to a Terraform value.
func Int64OrNull(n int64) types.Int64 {
	if n == 0 {
		return types.Int64Null()
	}
	return types.Int64Value(n)
}
