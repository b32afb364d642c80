package ephemeral

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"time"

	ephem "github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/diagnostics"
)

var (
	_ ephem.EphemeralResource              = (*meetingStartURLResource)(nil)
	_ ephem.EphemeralResourceWithConfigure = (*meetingStartURLResource)(nil)
)

// defaultStartURLLifetime is how long Zoom honours a start URL's host token when the token does not say
// (docs/development/zoom-api.md#start-links: two hours; 90 days for custCreate hosts, whose tokens carry their own exp claim).
const defaultStartURLLifetime = 2 * time.Hour

// NewMeetingStartURL returns the zoom_meeting_start_url ephemeral resource.
func NewMeetingStartURL() ephem.EphemeralResource { return &meetingStartURLResource{now: time.Now} }

type meetingStartURLResource struct {
	client *client.Client
	now    func() time.Time
}

type meetingStartURLModel struct {
	MeetingID types.String `tfsdk:"meeting_id"`
	StartURL  types.String `tfsdk:"start_url"`
	ExpiresAt types.String `tfsdk:"expires_at"`
}

func (r *meetingStartURLResource) Metadata(_ context.Context, req ephem.MetadataRequest, resp *ephem.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_meeting_start_url"
}

func (r *meetingStartURLResource) Schema(_ context.Context, _ ephem.SchemaRequest, resp *ephem.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "A fresh start URL for a meeting: the link that starts the meeting as its host without " +
			"signing in. Every open reads the meeting again, so Zoom mints a new host token (`zak`) each time; " +
			"Terraform never stores the URL in a plan or state. Use it in pipelines that hand the link to a host " +
			"just in time (for example in a notification sent by another provider) instead of the `start_url` " +
			"attribute of `zoom_meeting`, which changes on every read and may already have expired. Start URLs " +
			"expire after two hours, or 90 days when the host was added with `action = \"custCreate\"`. " +
			"Requires Terraform 1.10 or later.",
		Attributes: map[string]schema.Attribute{
			"meeting_id": schema.StringAttribute{
				Required:    true,
				Description: "Meeting ID (the meeting number, for example `85746065432`), such as `zoom_meeting.<name>.id`.",
				Validators:  []validator.String{meetingIDValidator{}},
			},
			"start_url": schema.StringAttribute{
				Computed:  true,
				Sensitive: true,
				Description: "The start URL. Anyone holding it can start the meeting as the host until it " +
					"expires. Sensitive; never logged.",
			},
			"expires_at": schema.StringAttribute{
				Computed: true,
				Description: "When the start URL stops working, as an RFC 3339 timestamp in UTC. Taken from the " +
					"`exp` claim of the URL's `zak` token when it is a JWT-like token that has one (so a " +
					"custCreate host's 90 days are reported exactly); otherwise two hours from the time it was " +
					"fetched, Zoom's documented lifetime.",
			},
		},
	}
}

func (r *meetingStartURLResource) Configure(_ context.Context, req ephem.ConfigureRequest, resp *ephem.ConfigureResponse) {
	r.client = diagnostics.Client(req.ProviderData, &resp.Diagnostics)
}

func (r *meetingStartURLResource) Open(ctx context.Context, req ephem.OpenRequest, resp *ephem.OpenResponse) {
	if !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	var m meetingStartURLModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	idStr := m.MeetingID.ValueString()
	id, err := parseMeetingID(idStr)
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("meeting_id"), "Invalid meeting ID", err.Error())
		return
	}
	fetched := r.now()
	meeting, err := r.client.Meetings.Get(ctx, id, nil)
	if err != nil {
		if client.IsNotFound(err) {
			resp.Diagnostics.AddAttributeError(path.Root("meeting_id"), "Zoom meeting not found",
				fmt.Sprintf("Meeting %s does not exist, so it has no start URL: it was deleted, its host was "+
					"removed, or its time has passed and Zoom no longer returns it (expired meetings answer like "+
					"deleted ones). Check the meeting ID.\n\nZoom said: %s", idStr, err))
			return
		}
		diagnostics.AddAPIError(&resp.Diagnostics, "Error reading Zoom meeting "+idStr, err)
		return
	}
	if meeting.StartURL == "" {
		resp.Diagnostics.AddAttributeError(path.Root("meeting_id"), "Zoom returned no start URL",
			fmt.Sprintf("Zoom returned meeting %s without a start_url. The app may lack permission to start "+
				"meetings for this host.", idStr))
		return
	}
	ctx = tflog.MaskMessageStrings(ctx, meeting.StartURL)
	expiry := startURLExpiry(meeting.StartURL, fetched)
	m.StartURL = types.StringValue(meeting.StartURL)
	m.ExpiresAt = types.StringValue(expiry.UTC().Format(time.RFC3339))
	tflog.Debug(ctx, "Opened zoom_meeting_start_url", map[string]any{"meeting_id": idStr, "expires_at": m.ExpiresAt.ValueString()})
	resp.Diagnostics.Append(resp.Result.Set(ctx, &m)...)
}

// startURLExpiry returns the exp claim of the start URL's zak token when the token is JWT-shaped and has one,
// else fetched plus Zoom's documented two hours.
func startURLExpiry(startURL string, fetched time.Time) time.Time {
	fallback := fetched.Add(defaultStartURLLifetime)
	u, err := url.Parse(startURL)
	if err != nil {
		return fallback
	}
	parts := strings.Split(u.Query().Get("zak"), ".")
	if len(parts) != 3 {
		return fallback
	}
	payload, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(parts[1], "="))
	if err != nil {
		return fallback
	}
	var claims struct {
		Exp json.Number `json:"exp"`
	}
	if err := json.Unmarshal(payload, &claims); err != nil {
		return fallback
	}
	exp, err := claims.Exp.Int64()
	if err != nil || exp <= 0 {
		return fallback
	}
	return time.Unix(exp, 0)
}

// parseMeetingID parses a meeting number (client.ParseMeetingID) with a message that says what to give instead.
func parseMeetingID(s string) (int64, error) {
	id, err := client.ParseMeetingID(s)
	if err != nil {
		return 0, fmt.Errorf("%q is not a meeting number: use the meeting ID as a positive integer, such as "+
			"85746065432 (the number in the meeting's join link, without spaces)", s)
	}
	return id, nil
}

// meetingIDValidator rejects a malformed meeting_id at plan time.
type meetingIDValidator struct{}

func (meetingIDValidator) Description(context.Context) string {
	return "a meeting number: a positive integer such as 85746065432"
}

func (v meetingIDValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (meetingIDValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := parseMeetingID(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid meeting ID", err.Error())
	}
}
