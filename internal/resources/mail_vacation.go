package resources

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/diagnostics"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/tfvalue"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/validators"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/zoomtime"
)

var (
	_ resource.Resource                   = (*mailVacationResource)(nil)
	_ resource.ResourceWithConfigure      = (*mailVacationResource)(nil)
	_ resource.ResourceWithImportState    = (*mailVacationResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*mailVacationResource)(nil)
	_ resource.ResourceWithValidateConfig = (*mailVacationResource)(nil)
)

// NewMailVacation returns the zoom_mail_vacation resource.
func NewMailVacation() resource.Resource { return &mailVacationResource{} }

type mailVacationResource struct {
	client *client.Client
}

// mailVacationModel is the vacation responder of one mailbox (docs/development/zoom-api.md#zoom-mail-vacation-responder).
type mailVacationModel struct {
	ID                 types.String       `tfsdk:"id"`
	Mailbox            types.String       `tfsdk:"mailbox"`
	Enabled            types.Bool         `tfsdk:"enabled"`
	Subject            types.String       `tfsdk:"subject"`
	BodyText           types.String       `tfsdk:"body_text"`
	BodyHTML           types.String       `tfsdk:"body_html"`
	StartTime          zoomtime.TimeValue `tfsdk:"start_time"`
	EndTime            zoomtime.TimeValue `tfsdk:"end_time"`
	AlwaysRespond      types.Bool         `tfsdk:"always_respond"`
	RestrictToContacts types.Bool         `tfsdk:"restrict_to_contacts"`
	RestrictToDomain   types.Bool         `tfsdk:"restrict_to_domain"`
}

// htmlHashKey is the private-state key holding the SHA-256 of the HTML body Zoom stored after the last apply or
// refresh. Zoom sanitises HTML, so its copy differs from the configuration's; as long as Zoom's copy keeps this
// hash, the configured spelling stays in state, and a change made in the mail client shows as drift.
const htmlHashKey = "body_html_sha256"

func (r *mailVacationResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_mail_vacation"
}

func (r *mailVacationResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	text := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{
			Optional: true, Description: desc,
			Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
		}
	}
	followsZoom := func(desc string) schema.BoolAttribute {
		return schema.BoolAttribute{Optional: true, Computed: true, PlanModifiers: boolKeep, Description: desc + " Follows Zoom when not set."}
	}
	window := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{
			Optional: true, CustomType: zoomtime.TimeType{},
			Description: desc + " An RFC 3339 time with `Z` or an offset, in whole seconds, e.g. `2027-12-23T18:00:00+01:00`. " +
				"Zoom stores epoch milliseconds and reports UTC; any spelling of the same instant compares equal.",
			Validators:    []validator.String{zonedTime{}},
			PlanModifiers: []planmodifier.String{sameInstant{}},
		}
	}
	resp.Schema = schema.Schema{
		Description: "The vacation responder (auto-reply) of a Zoom Mail mailbox. It is a setting of the mailbox, " +
			"not an object: create and update write the whole setting, a change made in the Zoom Mail client shows as " +
			"drift, and destroy turns the responder off and clears its texts and dates. Needs Zoom Mail on the " +
			"account (not available on the Zoom for Government cluster).",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed: true, PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
				Description: "The mailbox address (same as `mailbox`).",
			},
			"mailbox": schema.StringAttribute{
				Required: true,
				Description: "E-mail address of the Zoom Mail mailbox, e.g. a shared `support@example.com`. Changing it " +
					"replaces the resource: the old mailbox's responder is turned off and the new one's is set (another " +
					"letter case is the same mailbox). Zoom's `me` keyword is refused: it names the mailbox of the user an " +
					"OAuth app acts for, and the provider's Server-to-Server OAuth app acts for the account, not a user.",
				Validators: []validator.String{mailboxAddress{}},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplaceIf(otherMailbox,
					"Changing the mailbox replaces the resource.", "Changing the mailbox replaces the resource.")},
			},
			"enabled": schema.BoolAttribute{
				Required: true,
				Description: "Whether the responder replies. When true, `subject`, `body_text` or `body_html` is " +
					"needed. With `start_time`/`end_time` Zoom replies only within that window.",
			},
			"subject":   text("Text Zoom puts before the subject of each auto-reply."),
			"body_text": text("Plain-text body of the auto-reply. When `body_html` is set too, Zoom sends the HTML body."),
			"body_html": text("HTML body of the auto-reply. Zoom sanitises HTML before storing it (for example it " +
				"removes scripts); the configured HTML is kept in state as long as Zoom's sanitised " +
				"copy is unchanged, so sanitising never shows a difference, while an edit in the mail client does."),
			"start_time": window("Zoom replies only to messages received after this time."),
			"end_time":   window("Zoom replies only to messages received before this time; after `start_time`."),
			"always_respond": followsZoom("Reply to every message of a sender; when false Zoom replies to the same " +
				"sender at most once every four days."),
			"restrict_to_contacts": followsZoom("Reply only to senders in the mailbox user's contacts."),
			"restrict_to_domain":   followsZoom("Reply only to senders in the mailbox user's domain."),
		},
	}
}

func (r *mailVacationResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = diagnostics.Client(req.ProviderData, &resp.Diagnostics)
}

// otherMailbox replaces the resource when the mailbox changes, but not when only its letter case does (Zoom
// matches addresses case-insensitively).
func otherMailbox(_ context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
	resp.RequiresReplace = !req.StateValue.IsNull() &&
		(req.PlanValue.IsUnknown() || !strings.EqualFold(req.PlanValue.ValueString(), req.StateValue.ValueString()))
}

// mailboxAddress accepts an e-mail address and explains why `me` cannot be used.
type mailboxAddress struct{}

func (mailboxAddress) Description(context.Context) string {
	return "must be the e-mail address of a Zoom Mail mailbox (not me)"
}
func (v mailboxAddress) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }
func (mailboxAddress) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if err := checkMailbox(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid mailbox", err.Error())
	}
}

func checkMailbox(s string) error {
	if strings.EqualFold(strings.TrimSpace(s), "me") {
		return errors.New("`me` names the mailbox of the user an OAuth app acts for, but the provider's " +
			"Server-to-Server OAuth app acts for the account, not for a user, so Zoom cannot tell which mailbox it " +
			"means. Give the mailbox's e-mail address, e.g. support@example.com")
	}
	if err := validators.CheckEmail(s); err != nil {
		return fmt.Errorf("the mailbox must be the e-mail address of a Zoom Mail mailbox: %v", err)
	}
	return nil
}

// zonedTime refuses a local time (no Z or offset): the vacation responder has no time zone to read it in.
type zonedTime struct{}

func (zonedTime) Description(context.Context) string {
	return "must be an RFC 3339 time with Z or an offset"
}
func (v zonedTime) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }
func (zonedTime) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if p, err := zoomtime.ParseTime(req.ConfigValue.ValueString()); err == nil && p.Local {
		resp.Diagnostics.AddAttributeError(req.Path, "Time without a zone",
			fmt.Sprintf("%q has no Z or offset. Zoom Mail's responder has no time zone setting, so give the zone, "+
				"e.g. %sZ (UTC) or %s+01:00.", req.ConfigValue.ValueString(), req.ConfigValue.ValueString(), req.ConfigValue.ValueString()))
	}
}

// sameInstant plans the prior value when the configuration writes the same instant another way (UTC instead of
// an offset, another offset), so that respelling a time is no change.
type sameInstant struct{}

func (sameInstant) Description(context.Context) string {
	return "Another spelling of the same instant is no change."
}
func (m sameInstant) MarkdownDescription(ctx context.Context) string { return m.Description(ctx) }
func (sameInstant) PlanModifyString(_ context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if req.StateValue.IsNull() || req.StateValue.IsUnknown() || req.PlanValue.IsNull() || req.PlanValue.IsUnknown() {
		return
	}
	if zoomtime.SameInstant(req.PlanValue.ValueString(), "", req.StateValue.ValueString()) {
		resp.PlanValue = req.StateValue
	}
}

func (r *mailVacationResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m mailVacationModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if m.Enabled.ValueBool() && !m.Enabled.IsUnknown() {
		known := true
		for _, v := range []types.String{m.Subject, m.BodyText, m.BodyHTML} {
			if v.IsUnknown() || !v.IsNull() {
				known = false
			}
		}
		if known {
			resp.Diagnostics.AddAttributeError(path.Root("enabled"), "Missing auto-reply text",
				"Zoom turns the vacation responder on only with a subject or a body: set subject, body_text or "+
					"body_html, or set enabled = false.")
		}
	}
	start, okStart := instantOf(m.StartTime)
	end, okEnd := instantOf(m.EndTime)
	if okStart && okEnd && !end.After(start) {
		resp.Diagnostics.AddAttributeError(path.Root("end_time"), "end_time is not after start_time",
			fmt.Sprintf("The responder's window must end after it starts: end_time %s is not after start_time %s.",
				m.EndTime.ValueString(), m.StartTime.ValueString()))
	}
}

// instantOf is the instant of a known, zoned time.
func instantOf(v zoomtime.TimeValue) (time.Time, bool) {
	if v.IsNull() || v.IsUnknown() {
		return time.Time{}, false
	}
	p, err := zoomtime.ParseTime(v.ValueString())
	if err != nil || p.Local {
		return time.Time{}, false
	}
	return p.Instant, true
}

// ModifyPlan refuses the Gov cluster at plan time (the client knows its API URL without asking Zoom) and plans
// the id, which is the mailbox.
func (r *mailVacationResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	if r.client != nil && r.client.IsGovCluster() {
		resp.Diagnostics.AddError("Zoom Mail is not available on Zoom for Government", govMailHelp)
		return
	}
	var mailbox types.String
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("mailbox"), &mailbox)...)
	if !mailbox.IsUnknown() && !mailbox.IsNull() {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("id"), mailbox)...)
	}
}

const govMailHelp = "The provider is configured for the Zoom for Government cluster (api_url on zoomgov.com), and " +
	"Zoom Mail, with its vacation responder, does not exist there. Manage zoom_mail_vacation with a provider " +
	"configuration for the commercial Zoom cloud (api.zoom.us), or remove the resource."

func (r *mailVacationResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan mailVacationModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	r.apply(ctx, &plan, &resp.State, resp.Private, &resp.Diagnostics)
}

func (r *mailVacationResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan mailVacationModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	r.apply(ctx, &plan, &resp.State, resp.Private, &resp.Diagnostics)
}

// privateState is the private state of a Create or Update response.
type privateState interface {
	GetKey(ctx context.Context, key string) ([]byte, diag.Diagnostics)
	SetKey(ctx context.Context, key string, value []byte) diag.Diagnostics
}

// stateSetter is the state of a Create or Update response.
type stateSetter interface {
	Set(ctx context.Context, val any) diag.Diagnostics
}

// apply writes the whole planned setting with one PUT and stores what Zoom answered (Create and Update).
func (r *mailVacationResource) apply(ctx context.Context, plan *mailVacationModel, state stateSetter, private privateState, diags *diag.Diagnostics) {
	if !diagnostics.RequireClient(r.client, diags) {
		return
	}
	mailbox := plan.Mailbox.ValueString()
	body, d := vacationRequest(plan)
	diags.Append(d...)
	if diags.HasError() {
		return
	}
	v, err := r.putVacation(ctx, mailbox, body)
	if err != nil {
		diagnostics.AddAPIError(diags, "Error setting the Zoom Mail vacation responder of "+mailbox, r.explainPut(ctx, mailbox, err))
		return
	}
	got := *plan
	got.ID = types.StringValue(mailbox)
	zoomHTML := textOf(v.ResponseBodyHTML)
	diags.Append(got.fromAPI(v, htmlHash(zoomHTML))...)
	reconcileVacation(plan, &got, diags)
	diags.Append(state.Set(ctx, &got)...)
	diags.Append(private.SetKey(ctx, htmlHashKey, hashJSON(zoomHTML))...)
}

func (r *mailVacationResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	if !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	var state mailVacationModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	mailbox := state.Mailbox.ValueString()
	v, err := r.client.Mail.GetVacation(ctx, mailbox)
	if err != nil {
		if client.IsMailboxNotFound(err) {
			// The mailbox is gone (its user was deleted or unprovisioned), and its setting with it.
			resp.State.RemoveResource(ctx)
			return
		}
		diagnostics.AddAPIError(&resp.Diagnostics, "Error reading the Zoom Mail vacation responder of "+mailbox,
			explainMail(err, mailbox, true))
		return
	}
	raw, d := req.Private.GetKey(ctx, htmlHashKey)
	resp.Diagnostics.Append(d...)
	var stored string
	if len(raw) > 0 {
		_ = json.Unmarshal(raw, &stored)
	}
	zoomHTML := textOf(v.ResponseBodyHTML)
	resp.Diagnostics.Append(state.fromAPI(v, stored)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, htmlHashKey, hashJSON(zoomHTML))...)
}

// Delete turns the responder off and clears the texts and the window: the setting itself cannot be deleted.
// The three recipient flags are left as they are; they do nothing while the responder is off.
func (r *mailVacationResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	if !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	var state mailVacationModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	mailbox := state.Mailbox.ValueString()
	_, err := r.putVacation(ctx, mailbox, vacationOff())
	var kept *keptTimesError
	if errors.As(err, &kept) {
		// The responder is off; the dates left behind do nothing.
		resp.Diagnostics.AddWarning("Zoom Mail vacation responder of "+mailbox+" turned off, dates left", kept.Error())
		return
	}
	if err != nil && !client.IsMailboxNotFound(err) {
		diagnostics.AddAPIError(&resp.Diagnostics, "Error turning off the Zoom Mail vacation responder of "+mailbox,
			r.explainPut(ctx, mailbox, err))
	}
}

// vacationOff is the setting destroy writes (times left out: putVacation clears them).
func vacationOff() *client.MailVacation {
	return &client.MailVacation{
		EnableAutoReply: client.Ptr(false), ResponseSubject: client.Ptr(""), ResponseBodyPlainText: client.Ptr(""),
		ResponseBodyHTML: client.Ptr(""),
	}
}

// putVacation writes body, whose times left out are to be cleared. A PUT that replaces the whole setting clears
// them; Zoom may instead keep what a PUT leaves out, and then a second PUT clears them with an empty value. Sending
// the empty value at once would fail where Zoom refuses it (the Mail spec types the times as epoch milliseconds
// or ISO-8601 and does not say how to clear one). Where Zoom both keeps omitted times and refuses empty ones,
// nothing can clear a time, and the error says so.
func (r *mailVacationResource) putVacation(ctx context.Context, mailbox string, body *client.MailVacation) (*client.MailVacation, error) {
	v, err := r.client.Mail.UpdateVacation(ctx, mailbox, body)
	if err != nil {
		return nil, err
	}
	retry, kept := *body, []string{}
	if _, ok, _ := v.Start(); ok && body.StartTime == nil && body.StartTimeISO == nil {
		retry.StartTime = client.Ptr("")
		kept = append(kept, "start_time")
	}
	if _, ok, _ := v.End(); ok && body.EndTime == nil && body.EndTimeISO == nil {
		retry.EndTime = client.Ptr("")
		kept = append(kept, "end_time")
	}
	if len(kept) == 0 {
		return v, nil
	}
	v, err = r.client.Mail.UpdateVacation(ctx, mailbox, &retry)
	if err != nil {
		return nil, &keptTimesError{kept: kept, err: err}
	}
	return v, nil
}

// keptTimesError is putVacation's error when Zoom kept times it was meant to clear and refused the empty value.
type keptTimesError struct {
	kept []string
	err  error
}

func (e *keptTimesError) Error() string {
	return fmt.Sprintf("Zoom kept the responder's %s although the request left it out, and refused an empty value "+
		"to clear it: %v\n\nThis account offers no API call that removes the date: remove it in Zoom Mail, or keep a "+
		"date in the configuration", strings.Join(e.kept, " and "), e.err)
}

func (e *keptTimesError) Unwrap() error { return e.err }

// ImportState accepts the mailbox address.
func (r *mailVacationResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id := strings.TrimSpace(req.ID)
	if err := checkMailbox(id); err != nil {
		resp.Diagnostics.AddError("Invalid import ID",
			fmt.Sprintf("Import a Zoom Mail vacation responder by its mailbox address: %v.", err))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("mailbox"), id)...)
}

// vacationRequest is the PUT body for the planned setting: every field Terraform manages, with empty strings
// clearing texts that are not set (whether Zoom clears or keeps fields a PUT leaves out is not documented). Times
// that are not set are left out, since Zoom may refuse an empty time; putVacation clears them if Zoom keeps them.
// Recipient flags that are not configured and still unknown (a new resource) are left to Zoom.
func vacationRequest(m *mailVacationModel) (*client.MailVacation, diag.Diagnostics) {
	var diags diag.Diagnostics
	req := &client.MailVacation{
		EnableAutoReply:       client.Ptr(m.Enabled.ValueBool()),
		ResponseSubject:       client.Ptr(m.Subject.ValueString()),
		ResponseBodyPlainText: client.Ptr(m.BodyText.ValueString()),
		ResponseBodyHTML:      client.Ptr(m.BodyHTML.ValueString()),
		EnableAlwaysRespond:   knownBool(m.AlwaysRespond),
		RestrictToContacts:    knownBool(m.RestrictToContacts),
		RestrictToDomain:      knownBool(m.RestrictToDomain),
	}
	for _, t := range []struct {
		name string
		v    zoomtime.TimeValue
		dst  **string
	}{{"start_time", m.StartTime, &req.StartTime}, {"end_time", m.EndTime, &req.EndTime}} {
		if t.v.IsNull() {
			continue
		}
		at, ok := instantOf(t.v)
		if !ok {
			diags.AddAttributeError(path.Root(t.name), "Invalid "+t.name,
				fmt.Sprintf("%q is not an RFC 3339 time with Z or an offset.", t.v.ValueString()))
			continue
		}
		*t.dst = client.Ptr(client.MailTime(at))
	}
	return req, diags
}

func knownBool(v types.Bool) *bool {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	return v.ValueBoolPointer()
}

// fromAPI maps Zoom's vacation setting onto m, whose current values are the prior ones (state, or the plan after
// an apply). Times keep the prior spelling when Zoom reports the same instant; the HTML body keeps the prior value
// while Zoom's copy has the hash recorded with it (zoomHashAtPrior), and is Zoom's copy otherwise. Fields Zoom
// leaves out are unset texts and false flags.
func (m *mailVacationModel) fromAPI(v *client.MailVacation, zoomHashAtPrior string) diag.Diagnostics {
	var diags diag.Diagnostics
	if m.ID.IsNull() || m.ID.IsUnknown() {
		m.ID = m.Mailbox
	}
	m.Enabled = types.BoolValue(derefBool(v.EnableAutoReply))
	m.Subject = tfvalue.StringOrNull(textOf(v.ResponseSubject))
	m.BodyText = tfvalue.StringOrNull(textOf(v.ResponseBodyPlainText))
	zoomHTML := textOf(v.ResponseBodyHTML)
	if m.BodyHTML.IsNull() || m.BodyHTML.IsUnknown() || zoomHashAtPrior == "" || htmlHash(zoomHTML) != zoomHashAtPrior {
		m.BodyHTML = tfvalue.StringOrNull(zoomHTML)
	}
	m.AlwaysRespond = types.BoolValue(derefBool(v.EnableAlwaysRespond))
	m.RestrictToContacts = types.BoolValue(derefBool(v.RestrictToContacts))
	m.RestrictToDomain = types.BoolValue(derefBool(v.RestrictToDomain))
	for _, t := range []struct {
		name string
		get  func() (time.Time, bool, error)
		dst  *zoomtime.TimeValue
	}{{"start_time", v.Start, &m.StartTime}, {"end_time", v.End, &m.EndTime}} {
		at, ok, err := t.get()
		switch {
		case err != nil:
			diags.AddAttributeError(path.Root(t.name), "Unexpected time from Zoom", err.Error())
		case !ok:
			*t.dst = zoomtime.NewTimeNull()
		default:
			*t.dst = zoomtime.KeepTime(*t.dst, "", at.UTC().Format(time.RFC3339Nano))
		}
	}
	return diags
}

// reconcileVacation fails an apply whose result differs from the plan: Zoom did not store a configured value (the
// HTML body is exempt: it is compared by hash in fromAPI). Flags the plan left unknown take Zoom's value.
func reconcileVacation(plan, got *mailVacationModel, diags *diag.Diagnostics) {
	for _, a := range []struct {
		name    string
		planned attr.Value
		stored  attr.Value
	}{
		{"enabled", plan.Enabled, got.Enabled}, {"subject", plan.Subject, got.Subject}, {"body_text", plan.BodyText, got.BodyText},
		{"start_time", plan.StartTime, got.StartTime}, {"end_time", plan.EndTime, got.EndTime},
		{"always_respond", plan.AlwaysRespond, got.AlwaysRespond},
		{"restrict_to_contacts", plan.RestrictToContacts, got.RestrictToContacts},
		{"restrict_to_domain", plan.RestrictToDomain, got.RestrictToDomain},
	} {
		if a.planned.IsUnknown() || a.planned.Equal(a.stored) {
			continue
		}
		diags.AddAttributeError(path.Root(a.name), "Zoom did not apply an argument",
			fmt.Sprintf("%s was planned as %s, but Zoom stored %s. Change the configuration to what Zoom accepts, "+
				"or check the mailbox in Zoom Mail.", a.name, a.planned, a.stored))
	}
}

func textOf(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func derefBool(b *bool) bool { return b != nil && *b }

// htmlHash is the hex SHA-256 of Zoom's HTML body.
func htmlHash(html string) string {
	sum := sha256.Sum256([]byte(html))
	return hex.EncodeToString(sum[:])
}

// hashJSON is the private-state value (JSON) recording Zoom's HTML body.
func hashJSON(html string) []byte {
	b, _ := json.Marshal(htmlHash(html))
	return b
}

// mailPrerequisites lists what Zoom needs before the Mail API serves a mailbox (docs/development/zoom-api.md#zoom-mail-vacation-responder), after a lead
// sentence about Zoom's answer.
func mailPrerequisites(mailbox string, notFound bool) string {
	lead := "Zoom gives this answer whenever it cannot use the mailbox, without saying why."
	if notFound {
		lead = "Zoom says that the mailbox does not exist."
	}
	return lead + " Check each prerequisite of the Zoom Mail API:\n" +
		"* the account's plan includes Zoom Mail (Zoom Workplace Business or higher; Pro where Zoom offers it), " +
		"and the Zoom Mail Service is enabled (it is off by default on Business and Enterprise) with its onboarding " +
		"completed;\n" +
		"* Zoom Mail end-to-end encryption is turned off for the account;\n" +
		"* " + mailbox + " is the address of a provisioned Zoom Mail mailbox of an active user of the account;\n" +
		"* the Server-to-Server OAuth app was created by an account owner or admin;\n" +
		"* the provider does not point at the Zoom for Government cluster, where Zoom Mail does not exist.\n" +
		"If the mailbox was removed on purpose, remove the resource from the state (terraform state rm)."
}

// explainMail adds what to do to a Mail API error. read is true for GET.
func explainMail(err error, mailbox string, read bool) error {
	switch {
	case errors.Is(err, client.ErrMailNotOnGov):
		return fmt.Errorf("%w\n\n%s", err, govMailHelp)
	case isScopeMissing(err):
		classic := "mail:write:admin"
		if read {
			classic = "mail:read:admin"
		}
		return fmt.Errorf("%w\n\nApps with classic scopes need %s instead. zoom_mail_vacation needs both "+
			"reading (email:read:setting_vacation:admin or mail:read:admin) and writing "+
			"(email:update:setting_vacation:admin or mail:write:admin)", err, classic)
	case client.IsMailInvalid(err) || client.IsMailboxNotFound(err):
		return fmt.Errorf("%w\n\n%s", err, mailPrerequisites(mailbox, client.IsMailboxNotFound(err)))
	case client.IsMailAuthRefused(err):
		return fmt.Errorf("%w\n\nZoom Mail refused the app's authorization: the Server-to-Server OAuth app must be "+
			"created by an account owner or admin and hold the Mail scopes", err)
	}
	return err
}

func isScopeMissing(err error) bool {
	_, ok := client.IsScopeMissing(err)
	return ok
}

// explainPut explains a failed PUT. Zoom answers "Invalid Argument." both for a value it rejects and for a mailbox
// it cannot serve; reading the mailbox tells the two apart.
func (r *mailVacationResource) explainPut(ctx context.Context, mailbox string, err error) error {
	if !client.IsMailInvalid(err) {
		return explainMail(err, mailbox, false)
	}
	if _, getErr := r.client.Mail.GetVacation(ctx, mailbox); getErr != nil {
		return fmt.Errorf("%w\n\nReading the mailbox fails too (%v).\n\n%s", err, getErr, mailPrerequisites(mailbox, client.IsMailboxNotFound(getErr)))
	}
	return fmt.Errorf("%w\n\nThe mailbox can be read, so Zoom refused a value of the setting: start_time must "+
		"precede end_time, and an enabled responder needs a subject or a body that survives Zoom's HTML sanitising "+
		"(an HTML body made only of scripts is empty once sanitised)", err)
}
