package datasources

import (
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
)

// The fields that both GET /users/{userId} and GET /users report, shared by the zoom_user and zoom_users data
// sources: one schema and one mapping, so that the two never disagree.

var userSummaryAttrTypes = map[string]attr.Type{
	"id":           types.StringType,
	"email":        types.StringType,
	"first_name":   types.StringType,
	"last_name":    types.StringType,
	"display_name": types.StringType,
	"type":         types.Int64Type,
	"status":       types.StringType,
	"dept":         types.StringType,
	"role_id":      types.StringType,
	"pmi":          types.Int64Type,
	"timezone":     types.StringType,
	"verified":     types.BoolType,
	"created_at":   types.StringType,
}

var userSummaryDescriptions = map[string]string{
	"id":           "Zoom user ID (empty for pending users in a list, as Zoom omits it).",
	"email":        "Login e-mail.",
	"first_name":   "First name.",
	"last_name":    "Last name.",
	"display_name": "Display name.",
	"type":         "User type: `1` Basic, `2` Licensed, `4` Unassigned without Meetings Basic, `99` None.",
	"status":       "`active`, `inactive` (deactivated) or `pending` (invited, not accepted yet).",
	"dept":         "Department.",
	"role_id":      "ID of the user's role in the account.",
	"pmi":          "Personal Meeting ID.",
	"timezone":     "IANA time zone.",
	"verified":     "Whether the e-mail is verified.",
	"created_at":   "When the user was created (RFC 3339, UTC).",
}

// userSummaryAttributes returns the computed schema attributes for the shared fields.
func userSummaryAttributes() map[string]schema.Attribute {
	out := make(map[string]schema.Attribute, len(userSummaryAttrTypes))
	for name, t := range userSummaryAttrTypes {
		desc := userSummaryDescriptions[name]
		switch t {
		case types.Int64Type:
			out[name] = schema.Int64Attribute{Computed: true, Description: desc}
		case types.BoolType:
			out[name] = schema.BoolAttribute{Computed: true, Description: desc}
		default:
			out[name] = schema.StringAttribute{Computed: true, Description: desc}
		}
	}
	return out
}

// userSummaryValues maps the shared fields of a Zoom user.
func userSummaryValues(u *client.User) map[string]attr.Value {
	return map[string]attr.Value{
		"id":           types.StringValue(u.ID),
		"email":        types.StringValue(u.Email),
		"first_name":   types.StringValue(u.FirstName),
		"last_name":    types.StringValue(u.LastName),
		"display_name": types.StringValue(u.DisplayName),
		"type":         types.Int64Value(int64(u.Type)),
		"status":       types.StringValue(u.Status),
		"dept":         types.StringValue(u.Dept),
		"role_id":      types.StringValue(u.RoleID),
		"pmi":          types.Int64Value(u.PMI),
		"timezone":     types.StringValue(u.Timezone),
		"verified":     types.BoolValue(u.Verified == 1),
		"created_at":   types.StringValue(u.UserCreatedAt),
	}
}
