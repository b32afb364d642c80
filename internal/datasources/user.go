package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/diagnostics"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/validators"
)

var (
	_ datasource.DataSource                     = (*userDataSource)(nil)
	_ datasource.DataSourceWithConfigure        = (*userDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*userDataSource)(nil)
)

// NewUser returns the zoom_user data source.
func NewUser() datasource.DataSource { return &userDataSource{} }

type userDataSource struct {
	client *client.Client
}

func (d *userDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_user"
}

func (d *userDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := userSummaryAttributes()
	attrs["id"] = schema.StringAttribute{Optional: true, Computed: true,
		Description: "Zoom user ID to look up. Exactly one of `id` and `email` must be set."}
	attrs["email"] = schema.StringAttribute{Optional: true, Computed: true,
		Description: "E-mail of the user to look up. Exactly one of `id` and `email` must be set.",
		Validators:  []validator.String{validators.Email()}}
	for name, desc := range userDetailDescriptions {
		attrs[name] = schema.StringAttribute{Computed: true, Description: desc}
	}
	attrs["personal_meeting_url"] = schema.StringAttribute{Computed: true, Sensitive: true,
		Description: "Join link of the user's personal meeting room. Sensitive: it can carry the passcode."}
	attrs["login_types"] = schema.ListAttribute{Computed: true, ElementType: types.Int64Type,
		Description: "How the user signs in: `99` API user (custCreate), `100` Zoom work e-mail, `101` SSO, and Zoom's other codes."}
	resp.Schema = schema.Schema{
		Description: "Looks up one Zoom user by ID or e-mail.",
		Attributes:  attrs,
	}
}

var userDetailDescriptions = map[string]string{
	"company":   "Company.",
	"job_title": "Job title.",
	"location":  "Location.",
	"language":  "Language of the web portal.",
	"manager":   "E-mail of the user's manager.",
	"role_name": "Name of the user's role, for example `Member`.",
}

func (d *userDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("email")),
	}
}

func (d *userDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = diagnostics.Client(req.ProviderData, &resp.Diagnostics)
}

func (d *userDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	if !diagnostics.RequireClient(d.client, &resp.Diagnostics) {
		return
	}
	var id, email types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("id"), &id)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("email"), &email)...)
	if resp.Diagnostics.HasError() {
		return
	}
	key := id.ValueString()
	if key == "" {
		key = email.ValueString()
	}
	u, err := d.client.Users.Get(ctx, key)
	if err != nil {
		if client.IsNotFound(err) {
			resp.Diagnostics.AddError("Zoom user not found", "No user "+key+" exists in the Zoom account.")
			return
		}
		diagnostics.AddAPIError(&resp.Diagnostics, "Error reading Zoom user", err)
		return
	}

	values := userSummaryValues(u)
	values["company"] = types.StringValue(u.Company)
	values["job_title"] = types.StringValue(u.JobTitle)
	values["location"] = types.StringValue(u.Location)
	values["language"] = types.StringValue(u.Language)
	values["manager"] = types.StringValue(u.Manager)
	values["role_name"] = types.StringValue(u.RoleName)
	values["personal_meeting_url"] = types.StringValue(u.PersonalMeetingURL)
	logins := make([]attr.Value, 0, len(u.LoginTypes))
	for _, lt := range u.LoginTypes {
		logins = append(logins, types.Int64Value(int64(lt)))
	}
	list, diags := types.ListValue(types.Int64Type, logins)
	resp.Diagnostics.Append(diags...)
	values["login_types"] = list
	for name, v := range values {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(name), v)...)
	}
}
