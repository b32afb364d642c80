package datasources

import (
	"context"
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/diagnostics"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/settingsattrs"
)

var (
	_ datasource.DataSource              = (*settingsDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*settingsDataSource)(nil)
)

// NewAccountSettings returns the zoom_account_settings data source.
func NewAccountSettings() datasource.DataSource {
	return &settingsDataSource{typeName: "account_settings", target: settingsattrs.Target{Level: settingsattrs.Account},
		description: "Reads the Zoom account's settings: the whole tree of the chosen sections (the same sections and " +
			"settings as the `zoom_account_settings` resource). Needs a paid account."}
}

// NewUserSettings returns the zoom_user_settings data source.
func NewUserSettings() datasource.DataSource {
	return &settingsDataSource{typeName: "user_settings", target: settingsattrs.Target{Level: settingsattrs.User}, user: true,
		description: "Reads a Zoom user's settings as they apply to the user: a setting locked at account or group level " +
			"shows the locking level's value. The whole tree of the chosen sections (the same sections and settings as " +
			"the `zoom_user_settings` resource), licences (`feature`) included."}
}

type settingsDataSource struct {
	client      *client.Client
	typeName    string
	target      settingsattrs.Target
	user        bool
	description string
}

func (d *settingsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + d.typeName
}

func (d *settingsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := d.target.DataSourceAttributes()
	names := d.target.SectionNames()
	attrs["sections"] = schema.SetAttribute{Optional: true, ElementType: types.StringType,
		Description: fmt.Sprintf("Sections to read; all when not set. `meeting_security` costs a request of its own. One of: `%s`.",
			joinNames(names)),
		Validators: []validator.Set{setvalidator.ValueStringsAre(stringvalidator.OneOf(names...)), setvalidator.SizeAtLeast(1)}}
	attrs["id"] = schema.StringAttribute{Computed: true, Description: "`me` for the account, else the user ID."}
	if d.user {
		attrs["user_id"] = schema.StringAttribute{Required: true, Description: "ID or e-mail of the user.",
			Validators: []validator.String{stringvalidator.LengthAtLeast(1)}}
	}
	resp.Schema = schema.Schema{Description: d.description, Attributes: attrs}
}

func joinNames(names []string) string {
	out := ""
	for i, n := range names {
		if i > 0 {
			out += "`, `"
		}
		out += n
	}
	return out
}

func (d *settingsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = diagnostics.Client(req.ProviderData, &resp.Diagnostics)
}

func (d *settingsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	if !diagnostics.RequireClient(d.client, &resp.Diagnostics) {
		return
	}
	var chosen types.Set
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("sections"), &chosen)...)
	var names []string
	if !chosen.IsNull() {
		resp.Diagnostics.Append(chosen.ElementsAs(ctx, &names, false)...)
	}
	owner, id := "", "me"
	if d.user {
		var u types.String
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("user_id"), &u)...)
		owner, id = u.ValueString(), u.ValueString()
	}
	if resp.Diagnostics.HasError() {
		return
	}
	var secs []settingsattrs.Section
	for _, sec := range d.target.Sections() {
		if len(names) == 0 || slices.Contains(names, sec.Name) {
			secs = append(secs, sec)
		}
	}
	got, err := d.target.Fetch(ctx, d.client, owner, secs)
	if err != nil {
		diagnostics.AddAPIError(&resp.Diagnostics, "Error reading zoom_"+d.typeName, err)
		return
	}
	for _, sec := range d.target.Sections() {
		v := types.ObjectNull(d.target.AttrTypes(sec))
		if slices.ContainsFunc(secs, func(s settingsattrs.Section) bool { return s.Name == sec.Name }) {
			v = d.target.FromAPI(sec, got, v)
		}
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(sec.Name), v)...)
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	if d.user {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("user_id"), owner)...)
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("sections"), chosen)...)
}
