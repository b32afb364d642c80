package ephemeral

import (
	"context"
	"time"

	ephem "github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/diagnostics"
)

var (
	_ ephem.EphemeralResource              = (*accessTokenResource)(nil)
	_ ephem.EphemeralResourceWithConfigure = (*accessTokenResource)(nil)
)

// NewAccessToken returns the zoom_access_token ephemeral resource.
func NewAccessToken() ephem.EphemeralResource { return &accessTokenResource{} }

type accessTokenResource struct {
	client *client.Client
}

type accessTokenModel struct {
	AccessToken types.String `tfsdk:"access_token"`
	ExpiresAt   types.String `tfsdk:"expires_at"`
}

func (r *accessTokenResource) Metadata(_ context.Context, req ephem.MetadataRequest, resp *ephem.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_access_token"
}

func (r *accessTokenResource) Schema(_ context.Context, _ ephem.SchemaRequest, resp *ephem.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "An OAuth access token for the Zoom REST API, issued to the provider's own credentials, for " +
			"handing to another provider or tool that calls an endpoint this provider does not cover (for " +
			"example the `http` provider's `http` data source with an `Authorization: Bearer` header). Terraform " +
			"never stores it in a plan or state. With Server-to-Server OAuth credentials it is the token the " +
			"provider itself uses, which has at least five minutes left (the provider replaces its token five " +
			"minutes before it expires; Zoom tokens live one hour). With a pre-minted `access_token` provider " +
			"setting, that token is returned as is and its expiry is unknown. The token carries every scope of the " +
			"Server-to-Server OAuth app, so pass it only to trusted consumers. Requires Terraform 1.10 or later.",
		Attributes: map[string]schema.Attribute{
			"access_token": schema.StringAttribute{
				Computed:    true,
				Sensitive:   true,
				Description: "The access token, to send as `Authorization: Bearer <token>`. Sensitive; never logged.",
			},
			"expires_at": schema.StringAttribute{
				Computed: true,
				Description: "When the token expires, as an RFC 3339 timestamp in UTC. Null when the provider is " +
					"configured with a pre-minted `access_token`, whose expiry it does not know.",
			},
		},
	}
}

func (r *accessTokenResource) Configure(_ context.Context, req ephem.ConfigureRequest, resp *ephem.ConfigureResponse) {
	r.client = diagnostics.Client(req.ProviderData, &resp.Diagnostics)
}

func (r *accessTokenResource) Open(ctx context.Context, _ ephem.OpenRequest, resp *ephem.OpenResponse) {
	if !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	token, expiry, err := r.client.Token(ctx)
	if err != nil {
		diagnostics.AddAPIError(&resp.Diagnostics, "Error getting a Zoom access token", err)
		return
	}
	result := accessTokenModel{AccessToken: types.StringValue(token), ExpiresAt: types.StringNull()}
	if !expiry.IsZero() {
		result.ExpiresAt = types.StringValue(expiry.UTC().Format(time.RFC3339))
	}
	ctx = tflog.MaskMessageStrings(ctx, token)
	tflog.Debug(ctx, "Opened zoom_access_token", map[string]any{"expires_at": result.ExpiresAt.ValueString()})
	resp.Diagnostics.Append(resp.Result.Set(ctx, &result)...)
}
