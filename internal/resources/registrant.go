package resources

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/diagnostics"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/tfvalue"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/validators"
)

var (
	_ resource.Resource                   = (*registrantResource)(nil)
	_ resource.ResourceWithConfigure      = (*registrantResource)(nil)
	_ resource.ResourceWithImportState    = (*registrantResource)(nil)
	_ resource.ResourceWithValidateConfig = (*registrantResource)(nil)
)

// NewMeetingRegistrant returns the zoom_meeting_registrant resource.
func NewMeetingRegistrant() resource.Resource {
	return &registrantResource{registrantKind: meetingRegistrants}
}

// NewWebinarRegistrant returns the zoom_webinar_registrant resource.
func NewWebinarRegistrant() resource.Resource {
	return &registrantResource{registrantKind: webinarRegistrants}
}

// registrantKind is what sets the two registrant resources apart.
type registrantKind struct {
	// noun is "meeting" or "webinar", in the type name, the parent ID attribute and messages.
	noun string
	// service picks the client's registrant operations of the parent kind.
	service func(*client.Client) *client.RegistrantsService
	// autoApprove: the resource has auto_approve (meetings), and its model is meetingRegistrantModel.
	autoApprove bool
	// explainParent adds the parent kind's advice to an error (after the registration advice of explain).
	explainParent func(error) error
}

var (
	meetingRegistrants = registrantKind{
		noun:          "meeting",
		service:       func(c *client.Client) *client.RegistrantsService { return c.MeetingRegistrants },
		autoApprove:   true,
		explainParent: func(err error) error { return err },
	}
	webinarRegistrants = registrantKind{
		noun:          "webinar",
		service:       func(c *client.Client) *client.RegistrantsService { return c.WebinarRegistrants },
		explainParent: func(err error) error { return explainWebinar(err, "of the webinar") },
	}
)

// registrantResource implements both registrant resources; it holds the registrant operations of its kind.
type registrantResource struct {
	registrantKind
	client *client.Client
	ops    *client.RegistrantsService
}

// registrantModel serves both resources: the parent ID attribute is meeting_id or webinar_id, so it is read
// and written by path rather than through a tfsdk tag.
type registrantModel struct {
	ID                    types.String `tfsdk:"id"`
	RegistrantID          types.String `tfsdk:"registrant_id"`
	Email                 types.String `tfsdk:"email"`
	FirstName             types.String `tfsdk:"first_name"`
	LastName              types.String `tfsdk:"last_name"`
	Address               types.String `tfsdk:"address"`
	City                  types.String `tfsdk:"city"`
	State                 types.String `tfsdk:"state"`
	Zip                   types.String `tfsdk:"zip"`
	Country               types.String `tfsdk:"country"`
	Phone                 types.String `tfsdk:"phone"`
	Comments              types.String `tfsdk:"comments"`
	Industry              types.String `tfsdk:"industry"`
	Org                   types.String `tfsdk:"org"`
	JobTitle              types.String `tfsdk:"job_title"`
	PurchasingTimeFrame   types.String `tfsdk:"purchasing_time_frame"`
	RoleInPurchaseProcess types.String `tfsdk:"role_in_purchase_process"`
	NoOfEmployees         types.String `tfsdk:"no_of_employees"`
	Language              types.String `tfsdk:"language"`
	CustomQuestions       types.List   `tfsdk:"custom_questions"`
	OccurrenceIDs         types.Set    `tfsdk:"occurrence_ids"`
	Status                types.String `tfsdk:"status"`
	JoinURL               types.String `tfsdk:"join_url"`
	CreateTime            types.String `tfsdk:"create_time"`
}

// meetingRegistrantModel and webinarRegistrantModel add the parent ID under its own name.
type meetingRegistrantModel struct {
	registrantModel
	AutoApprove types.Bool   `tfsdk:"auto_approve"`
	MeetingID   types.String `tfsdk:"meeting_id"`
}

type webinarRegistrantModel struct {
	registrantModel
	WebinarID types.String `tfsdk:"webinar_id"`
}

var customQuestionAttrTypes = map[string]attr.Type{"title": types.StringType, "value": types.StringType}

// Enumerations of the registrant fields (Zoom's Meeting API spec, POST /meetings/{meetingId}/registrants).
var (
	registrantLanguages = []string{"en-US", "de-DE", "es-ES", "fr-FR", "jp-JP", "pt-PT", "ru-RU", "zh-CN", "zh-TW",
		"ko-KO", "it-IT", "vi-VN", "pl-PL", "Tr-TR"}
	purchasingTimeFrames = []string{"Within a month", "1-3 months", "4-6 months", "More than 6 months", "No timeframe"}
	purchaseRoles        = []string{"Decision Maker", "Evaluator/Recommender", "Influencer", "Not involved"}
	employeeCounts       = []string{"1-20", "21-50", "51-100", "101-500", "500-1,000", "1,001-5,000", "5,001-10,000", "More than 10,000"}
	registrantStatuses   = []string{client.RegistrantApproved, client.RegistrantPending, client.RegistrantDenied}
)

func (r *registrantResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + r.noun + "_registrant"
}

func (r *registrantResource) parentAttr() string { return r.noun + "_id" }

func (r *registrantResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	// Zoom does not report some arguments back (see fromAPI): an imported registrant has them null in state, and
	// setting them in the configuration then only records them instead of registering again.
	replaceUnlessImported := []planmodifier.String{stringplanmodifier.RequiresReplaceIf(
		func(_ context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
			resp.RequiresReplace = !req.StateValue.IsNull()
		}, "Changing it registers again (unless the state has none, after an import).",
		"Changing it registers again (unless the state has none, after an import).")}
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	field := func(desc string, maxLen int, extra ...validator.String) schema.StringAttribute {
		vs := []validator.String{stringvalidator.LengthBetween(1, maxLen)}
		return schema.StringAttribute{Optional: true, PlanModifiers: replace, Validators: append(vs, extra...),
			Description: desc + " Zoom cannot change a registration, so changing it registers again."}
	}
	enum := func(desc string, values []string) schema.StringAttribute {
		return field(desc+" One of: `"+strings.Join(values, "`, `")+"`.", 64, stringvalidator.OneOf(values...))
	}
	unreported := func(a schema.StringAttribute) schema.StringAttribute {
		a.PlanModifiers = replaceUnlessImported
		return a
	}
	noun := r.noun
	attrs := map[string]schema.Attribute{
		"id": schema.StringAttribute{Computed: true, PlanModifiers: keep,
			Description: fmt.Sprintf("`<%s_id>/<registrant_id>`, also the import ID.", noun)},
		r.parentAttr(): schema.StringAttribute{
			Required: true, PlanModifiers: replace,
			Description: fmt.Sprintf("ID of the %[1]s. The %[1]s must take registrations (`settings.approval_type` 0 or 1).", noun),
			Validators:  []validator.String{validators.MeetingID(noun)},
		},
		"registrant_id": schema.StringAttribute{Computed: true, PlanModifiers: keep, Description: "Zoom's registrant ID."},
		"email": schema.StringAttribute{Required: true, PlanModifiers: replace, Validators: []validator.String{validators.Email()},
			Description: "The registrant's e-mail. Changing it registers someone else."},
		"first_name": schema.StringAttribute{Required: true, PlanModifiers: replace,
			Validators:  []validator.String{stringvalidator.LengthBetween(1, 64)},
			Description: "First name, at most 64 characters. Zoom cannot change a registration, so changing it registers again."},
		"last_name":                field("Last name, at most 64 characters.", 64),
		"address":                  field("Street address.", 256),
		"city":                     field("City.", 128),
		"state":                    field("State or province.", 128),
		"zip":                      field("ZIP or postal code.", 32),
		"country":                  field("Country, as a two-letter code.", 2, stringvalidator.RegexMatches(regexp.MustCompile(`^[A-Z]{2}$`), "must be a two-letter upper-case country code such as US")),
		"phone":                    field("Phone number.", 64),
		"comments":                 field("Questions or comments.", 2000),
		"industry":                 field("Industry.", 128),
		"org":                      field("Organisation.", 256),
		"job_title":                field("Job title.", 128),
		"purchasing_time_frame":    enum("Purchasing time frame.", purchasingTimeFrames),
		"role_in_purchase_process": enum("Role in the purchase process.", purchaseRoles),
		"no_of_employees": unreported(enum("Company size. Zoom reports sizes in other buckets than it accepts, so the value "+
			"given here is kept and not compared with Zoom's.", employeeCounts)),
		"language": unreported(enum("Language of Zoom's e-mails to the registrant (Zoom reports it back for webinar "+
			"registrants only).", registrantLanguages)),
		"custom_questions": schema.ListAttribute{
			Optional: true, ElementType: types.ObjectType{AttrTypes: customQuestionAttrTypes},
			PlanModifiers: []planmodifier.List{listplanmodifier.RequiresReplace()},
			Validators:    []validator.List{listvalidator.SizeAtLeast(1)},
			Description: "Answers to the " + noun + "'s custom registration questions: objects with `title` (the " +
				"question) and `value` (the answer, at most 128 characters). Zoom may keep only the answers to the " +
				"questions the " + noun + " defines, in its own order; the answers stay as configured then, and only an " +
				"answer Zoom reports differently shows as a change.",
		},
		"occurrence_ids": schema.SetAttribute{
			Optional: true, ElementType: types.StringType,
			PlanModifiers: []planmodifier.Set{setplanmodifier.RequiresReplaceIf(
				func(_ context.Context, req planmodifier.SetRequest, resp *setplanmodifier.RequiresReplaceIfFuncResponse) {
					resp.RequiresReplace = !req.StateValue.IsNull()
				}, "Changing them registers again (unless the state has none, after an import).",
				"Changing them registers again (unless the state has none, after an import).")},
			Validators: []validator.Set{setvalidator.SizeAtLeast(1)},
			Description: "For a recurring " + noun + " with `registration_type` 3: the occurrences to register for " +
				"(see the " + noun + "'s `occurrences`). Zoom does not report them back, so they are kept as given.",
		},
		"status": schema.StringAttribute{
			Optional: true, Computed: true, PlanModifiers: keep,
			Validators: []validator.String{stringvalidator.OneOf(registrantStatuses...)},
			Description: "`approved`, `pending` (waiting for the host's approval) or `denied`. Changed in place: set " +
				"`approved` to approve a pending registrant, `denied` to deny or cancel one. When set, a registration " +
				"cancelled or denied in the Zoom portal shows up as drift; when not set it follows Zoom (automatic " +
				"approval gives `approved`, manual approval `pending`).",
		},
		// Kept unless the status changes: approval gives the link, denial or cancellation takes it.
		"join_url": schema.StringAttribute{Computed: true, Sensitive: true, PlanModifiers: []planmodifier.String{keepUnless("status")},
			Description: "The registrant's personal join link (only once approved). Sensitive: it admits the registrant."},
		"create_time": schema.StringAttribute{Computed: true, PlanModifiers: keep, Description: "When the registration was made (UTC)."},
	}
	if r.autoApprove {
		attrs["auto_approve"] = schema.BoolAttribute{
			Optional: true, PlanModifiers: []planmodifier.Bool{boolplanmodifier.RequiresReplaceIf(
				func(_ context.Context, req planmodifier.BoolRequest, resp *boolplanmodifier.RequiresReplaceIfFuncResponse) {
					resp.RequiresReplace = !req.StateValue.IsNull()
				}, "Changing it registers again (unless the state has none, after an import).",
				"Changing it registers again (unless the state has none, after an import).")},
			Description: "Approve this registrant at once although the meeting uses manual approval. Only used when " +
				"registering; Zoom does not report it, so after an import setting it does not register again.",
		}
	}
	resp.Schema = schema.Schema{
		Description: fmt.Sprintf("A registrant of a Zoom %[1]s. Zoom has no call to change a registration, so every "+
			"argument except `status` replaces the registrant (the plan says so); `status` approves, denies or "+
			"cancels in place. The %[1]s must take registrations (`settings.approval_type` 0 or 1).", noun),
		Attributes: attrs,
	}
}

func (r *registrantResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = diagnostics.Client(req.ProviderData, &resp.Diagnostics)
	if r.client != nil {
		r.ops = r.service(r.client)
	}
}

func (r *registrantResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m registrantModel
	resp.Diagnostics.Append(r.getModel(ctx, req.Config.Get, &m, nil, nil)...)
	if resp.Diagnostics.HasError() || m.CustomQuestions.IsNull() || m.CustomQuestions.IsUnknown() {
		return
	}
	for i, e := range m.CustomQuestions.Elements() {
		o, ok := e.(types.Object)
		if !ok || o.IsUnknown() {
			continue
		}
		at := path.Root("custom_questions").AtListIndex(i)
		if t, ok := o.Attributes()["title"].(types.String); ok && !t.IsUnknown() && strings.TrimSpace(t.ValueString()) == "" {
			resp.Diagnostics.AddAttributeError(at.AtName("title"), "Missing question", "Each custom question needs its title.")
		}
		if v, ok := o.Attributes()["value"].(types.String); ok && !v.IsUnknown() && len(v.ValueString()) > 128 {
			resp.Diagnostics.AddAttributeError(at.AtName("value"), "Answer too long", "Zoom takes answers of at most 128 characters.")
		}
	}
}

// getModel reads the shared model plus the parent ID (and auto_approve for meetings) from a plan, state or config.
func (r *registrantResource) getModel(ctx context.Context, get func(context.Context, any) diag.Diagnostics, m *registrantModel, parent *types.String, autoApprove *types.Bool) diag.Diagnostics {
	if r.autoApprove {
		var full meetingRegistrantModel
		diags := get(ctx, &full)
		*m = full.registrantModel
		if parent != nil {
			*parent = full.MeetingID
		}
		if autoApprove != nil {
			*autoApprove = full.AutoApprove
		}
		return diags
	}
	var full webinarRegistrantModel
	diags := get(ctx, &full)
	*m = full.registrantModel
	if parent != nil {
		*parent = full.WebinarID
	}
	return diags
}

// setModel writes the model and the parent ID through set (State.Set).
func (r *registrantResource) setModel(ctx context.Context, set func(context.Context, any) diag.Diagnostics, m *registrantModel, parent types.String, autoApprove types.Bool) diag.Diagnostics {
	if r.autoApprove {
		return set(ctx, &meetingRegistrantModel{registrantModel: *m, MeetingID: parent, AutoApprove: autoApprove})
	}
	return set(ctx, &webinarRegistrantModel{registrantModel: *m, WebinarID: parent})
}

// explain says which setting to change when the parent takes no registrations.
func (r *registrantResource) explain(err error, parent string) error {
	if client.IsRegistrationDisabled(err) {
		return fmt.Errorf("%w\n\nThe %[2]s %[3]s does not take registrations. Turn registration on in the %[2]s: "+
			"settings.approval_type = 0 (approve registrants automatically) or 1 (the host approves them); "+
			"registration also needs a licensed host and a scheduled or recurring-with-fixed-time %[2]s", err, r.noun, parent)
	}
	return r.explainParent(err)
}

func (r *registrantResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	if !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	var plan registrantModel
	var parentID types.String
	var autoApprove types.Bool
	resp.Diagnostics.Append(r.getModel(ctx, req.Plan.Get, &plan, &parentID, &autoApprove)...)
	if resp.Diagnostics.HasError() {
		return
	}
	parent, _ := client.ParseMeetingID(parentID.ValueString()) // checked by the schema
	body := &client.RegistrantRequest{
		Email: plan.Email.ValueString(), FirstName: plan.FirstName.ValueString(), LastName: plan.LastName.ValueString(),
		Address: plan.Address.ValueString(), City: plan.City.ValueString(), State: plan.State.ValueString(),
		Zip: plan.Zip.ValueString(), Country: plan.Country.ValueString(), Phone: plan.Phone.ValueString(),
		Comments: plan.Comments.ValueString(), Industry: plan.Industry.ValueString(), Org: plan.Org.ValueString(),
		JobTitle: plan.JobTitle.ValueString(), PurchasingTimeFrame: plan.PurchasingTimeFrame.ValueString(),
		RoleInPurchaseProcess: plan.RoleInPurchaseProcess.ValueString(), NoOfEmployees: plan.NoOfEmployees.ValueString(),
		Language: plan.Language.ValueString(), AutoApprove: autoApprove.ValueBoolPointer(),
	}
	if !plan.CustomQuestions.IsNull() {
		var qs []struct {
			Title types.String `tfsdk:"title"`
			Value types.String `tfsdk:"value"`
		}
		resp.Diagnostics.Append(plan.CustomQuestions.ElementsAs(ctx, &qs, false)...)
		for _, q := range qs {
			body.CustomQuestions = append(body.CustomQuestions, client.CustomQuestion{Title: q.Title.ValueString(), Value: q.Value.ValueString()})
		}
	}
	var occ []string
	if !plan.OccurrenceIDs.IsNull() {
		resp.Diagnostics.Append(plan.OccurrenceIDs.ElementsAs(ctx, &occ, false)...)
	}
	summary := fmt.Sprintf("Error registering %s for Zoom %s %d (%s)", body.Email, r.noun, parent, r.what(body.Email, parent))
	created, err := r.addOrAdopt(ctx, parent, body, occ, &resp.Diagnostics)
	if err != nil {
		diagnostics.AddAPIError(&resp.Diagnostics, summary, r.explain(err, parentID.ValueString()))
		return
	}
	plan.RegistrantID = types.StringValue(created.RegistrantID)
	plan.ID = types.StringValue(parentID.ValueString() + "/" + created.RegistrantID)
	got, err := r.ops.Get(ctx, parent, created.RegistrantID)
	if err != nil {
		// The registration exists: record it with what is known rather than fail, which would taint it and have
		// the next apply register again.
		resp.Diagnostics.AddWarning("Zoom registrant saved with what is known",
			fmt.Sprintf("Zoom registered %s (registrant %s) but reading the registration back failed: %v. It is "+
				"saved in the state with the configured values; the next refresh reads the rest.",
				r.what(body.Email, parent), created.RegistrantID, err))
		resp.Diagnostics.Append(r.setModel(ctx, resp.State.Set, r.unknownsNull(&plan), parentID, autoApprove)...)
		return
	}
	want := plan.Status
	r.fromAPI(got, &plan)
	if !want.IsUnknown() && !want.Equal(plan.Status) {
		if err := r.changeStatus(ctx, parent, &plan, want.ValueString()); err != nil {
			diagnostics.AddAPIError(&resp.Diagnostics, summary, err)
		} else if got, err = r.ops.Get(ctx, parent, created.RegistrantID); err == nil {
			r.fromAPI(got, &plan)
		}
	}
	resp.Diagnostics.Append(r.setModel(ctx, resp.State.Set, &plan, parentID, autoApprove)...)
}

// addOrAdopt registers someone. After every attempt Zoom may have carried out without answering, it looks the
// registrant up by e-mail among every status and adopts the registration instead of registering twice; a
// registration Zoom refuses because the e-mail is registered already is adopted too (it is the one the
// configuration describes).
func (r *registrantResource) addOrAdopt(ctx context.Context, parent int64, body *client.RegistrantRequest, occ []string, diags *diag.Diagnostics) (*client.RegistrantCreated, error) {
	return createWithAdoption(ctx, adoption[*client.RegistrantCreated]{
		what:   r.what(body.Email, parent),
		create: func() (*client.RegistrantCreated, error) { return r.ops.Add(ctx, parent, body, occ) },
		exists: client.IsAlreadyRegistered,
		lookup: func() (*client.RegistrantCreated, bool, error) {
			for _, status := range registrantStatuses {
				list, err := r.ops.List(ctx, parent, &client.ListRegistrantsOptions{Status: status})
				if err != nil {
					return nil, false, err
				}
				for _, g := range list {
					if strings.EqualFold(g.Email, body.Email) {
						return &client.RegistrantCreated{RegistrantID: g.ID, JoinURL: g.JoinURL}, true, nil
					}
				}
			}
			return nil, false, nil
		},
		id: func(c *client.RegistrantCreated) string { return c.RegistrantID },
	}, "Nothing is recorded in the state for it: the next apply registers the e-mail again, and Zoom gives back "+
		"the existing registration, which is adopted.", diags)
}

// what names a registrant in messages.
func (r *registrantResource) what(email string, parent int64) string {
	return fmt.Sprintf("zoom_%s_registrant %q (%s %d)", r.noun, email, r.noun, parent)
}

// unknownsNull replaces the computed values still unknown with nulls, for a state saved after a partial failure.
func (r *registrantResource) unknownsNull(m *registrantModel) *registrantModel {
	for _, v := range []*types.String{&m.Status, &m.JoinURL, &m.CreateTime} {
		if v.IsUnknown() {
			*v = types.StringNull()
		}
	}
	return m
}

// changeStatus moves a registrant from its current status (in m) to want, with Zoom's actions: approve, deny, or
// cancel (an approved registration).
func (r *registrantResource) changeStatus(ctx context.Context, parent int64, m *registrantModel, want string) error {
	from := m.Status.ValueString()
	var action string
	switch {
	case want == client.RegistrantApproved:
		action = client.RegistrantActionApprove
	case want == client.RegistrantDenied && from == client.RegistrantApproved:
		action = client.RegistrantActionCancel
	case want == client.RegistrantDenied:
		action = client.RegistrantActionDeny
	default:
		return fmt.Errorf("Zoom cannot move a registrant from %s back to pending; use approved or denied, or "+
			"leave status unset", from)
	}
	return r.ops.UpdateStatus(ctx, parent, action, []client.RegistrantRef{{ID: m.RegistrantID.ValueString(), Email: m.Email.ValueString()}})
}

// fromAPI maps what Zoom reports onto m. Fields Zoom does not report for every kind (language for meeting
// registrants) and the size bucket (reported in other buckets than accepted) keep their configured values;
// occurrence_ids are never reported.
func (r *registrantResource) fromAPI(g *client.Registrant, m *registrantModel) {
	m.RegistrantID = types.StringValue(g.ID)
	m.Email = keepCase(m.Email, g.Email)
	m.FirstName = types.StringValue(g.FirstName)
	for _, f := range []struct {
		dst *types.String
		v   string
	}{
		{&m.LastName, g.LastName}, {&m.Address, g.Address}, {&m.City, g.City}, {&m.State, g.State}, {&m.Zip, g.Zip},
		{&m.Country, g.Country}, {&m.Phone, g.Phone}, {&m.Comments, g.Comments}, {&m.Industry, g.Industry},
		{&m.Org, g.Org}, {&m.JobTitle, g.JobTitle}, {&m.PurchasingTimeFrame, g.PurchasingTimeFrame},
		{&m.RoleInPurchaseProcess, g.RoleInPurchaseProcess},
	} {
		*f.dst = tfvalue.StringOrNull(f.v)
	}
	if m.NoOfEmployees.IsNull() || m.NoOfEmployees.IsUnknown() {
		m.NoOfEmployees = tfvalue.StringOrNull(g.NoOfEmployees)
	}
	if g.Language != "" || m.Language.IsUnknown() {
		m.Language = tfvalue.StringOrNull(g.Language)
	}
	switch {
	case len(g.CustomQuestions) == 0 && (m.CustomQuestions.IsNull() || m.CustomQuestions.IsUnknown()):
		m.CustomQuestions = types.ListNull(types.ObjectType{AttrTypes: customQuestionAttrTypes})
	case answersKept(m.CustomQuestions, g.CustomQuestions):
		// Zoom may keep only the answers to the questions the meeting or webinar defines, in its own order: the
		// configured answers stay as they are.
	default:
		elems := make([]attr.Value, 0, len(g.CustomQuestions))
		for _, q := range g.CustomQuestions {
			elems = append(elems, types.ObjectValueMust(customQuestionAttrTypes, map[string]attr.Value{
				"title": types.StringValue(q.Title), "value": types.StringValue(q.Value)}))
		}
		m.CustomQuestions = types.ListValueMust(types.ObjectType{AttrTypes: customQuestionAttrTypes}, elems)
	}
	if m.OccurrenceIDs.IsUnknown() {
		m.OccurrenceIDs = types.SetNull(types.StringType)
	}
	m.Status = types.StringValue(g.Status)
	m.JoinURL = types.StringValue(g.JoinURL)
	m.CreateTime = types.StringValue(g.CreateTime)
}

// answersKept reports whether every answer Zoom reports is one of the known prior answers (same title and
// value), so that Zoom dropped or reordered some but changed none.
func answersKept(prior types.List, reported []client.CustomQuestion) bool {
	if prior.IsNull() || prior.IsUnknown() {
		return false
	}
	known := map[client.CustomQuestion]bool{}
	for _, e := range prior.Elements() {
		o, ok := e.(types.Object)
		if !ok || o.IsUnknown() || o.IsNull() {
			return false
		}
		t, tok := o.Attributes()["title"].(types.String)
		v, vok := o.Attributes()["value"].(types.String)
		if !tok || !vok || t.IsUnknown() || v.IsUnknown() {
			return false
		}
		known[client.CustomQuestion{Title: t.ValueString(), Value: v.ValueString()}] = true
	}
	for _, q := range reported {
		if !known[q] {
			return false
		}
	}
	return true
}

// keepCase keeps the configured spelling of an e-mail Zoom reports in another case.
func keepCase(prior types.String, api string) types.String {
	if !prior.IsNull() && !prior.IsUnknown() && strings.EqualFold(prior.ValueString(), api) {
		return prior
	}
	return types.StringValue(api)
}

func (r *registrantResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	if !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	var state registrantModel
	var parentID types.String
	var autoApprove types.Bool
	resp.Diagnostics.Append(r.getModel(ctx, req.State.Get, &state, &parentID, &autoApprove)...)
	if resp.Diagnostics.HasError() {
		return
	}
	parent, registrant, ok := r.parseID(state.ID.ValueString(), &resp.Diagnostics)
	if !ok {
		return
	}
	got, err := r.ops.Get(ctx, parent, registrant)
	if err != nil {
		if client.IsRegistrantGone(err) {
			resp.State.RemoveResource(ctx)
			return
		}
		diagnostics.AddAPIError(&resp.Diagnostics, "Error reading Zoom "+r.noun+" registrant "+state.ID.ValueString(), r.explain(err, parentID.ValueString()))
		return
	}
	if parentID.IsNull() {
		// Import: the ID names the parent.
		parentID = types.StringValue(strconv.FormatInt(parent, 10))
	}
	r.fromAPI(got, &state)
	resp.Diagnostics.Append(r.setModel(ctx, resp.State.Set, &state, parentID, autoApprove)...)
}

func (r *registrantResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	if !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	var plan, state registrantModel
	var parentID types.String
	var autoApprove types.Bool
	resp.Diagnostics.Append(r.getModel(ctx, req.Plan.Get, &plan, &parentID, &autoApprove)...)
	resp.Diagnostics.Append(r.getModel(ctx, req.State.Get, &state, nil, nil)...)
	if resp.Diagnostics.HasError() {
		return
	}
	parent, registrant, ok := r.parseID(state.ID.ValueString(), &resp.Diagnostics)
	if !ok {
		return
	}
	if !plan.Status.IsUnknown() && !plan.Status.Equal(state.Status) {
		if err := r.changeStatus(ctx, parent, &state, plan.Status.ValueString()); err != nil {
			diagnostics.AddAPIError(&resp.Diagnostics, fmt.Sprintf("Error changing the status of %s on Zoom %s %d",
				state.Email.ValueString(), r.noun, parent), r.explain(err, parentID.ValueString()))
			return
		}
	}
	got, err := r.ops.Get(ctx, parent, registrant)
	if err != nil {
		diagnostics.AddAPIError(&resp.Diagnostics, "Error reading Zoom "+r.noun+" registrant "+state.ID.ValueString(), err)
		return
	}
	r.fromAPI(got, &plan)
	resp.Diagnostics.Append(r.setModel(ctx, resp.State.Set, &plan, parentID, autoApprove)...)
}

func (r *registrantResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	if !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	var state registrantModel
	var parentID types.String
	resp.Diagnostics.Append(r.getModel(ctx, req.State.Get, &state, &parentID, nil)...)
	if resp.Diagnostics.HasError() {
		return
	}
	parent, registrant, ok := r.parseID(state.ID.ValueString(), &resp.Diagnostics)
	if !ok {
		return
	}
	if err := r.ops.Delete(ctx, parent, registrant, ""); err != nil && !client.IsRegistrantGone(err) {
		diagnostics.AddAPIError(&resp.Diagnostics, "Error removing Zoom "+r.noun+" registrant "+state.ID.ValueString(), r.explain(err, parentID.ValueString()))
	}
}

// ImportState accepts `<parent_id>/<registrant_id>`.
func (r *registrantResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if _, _, ok := r.parseID(req.ID, &resp.Diagnostics); !ok {
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), strings.TrimSpace(req.ID))...)
}

// parseID splits `<parent_id>/<registrant_id>`.
func (r *registrantResource) parseID(id string, diags *diag.Diagnostics) (int64, string, bool) {
	p, reg, found := strings.Cut(strings.TrimSpace(id), "/")
	n, err := client.ParseMeetingID(p)
	if !found || err != nil || reg == "" || strings.Contains(reg, "/") {
		diags.AddError("Invalid registrant ID",
			fmt.Sprintf("A Zoom %[1]s registrant is identified as <%[1]s_id>/<registrant_id>, for example "+
				"85746065432/9tboDiHUQAeOnbmudzWa5g, not %[2]q.", r.noun, id))
		return 0, "", false
	}
	return n, reg, true
}
