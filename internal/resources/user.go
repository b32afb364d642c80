package resources

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/diagnostics"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/tfvalue"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/validators"
)

var (
	_ resource.Resource                   = (*userResource)(nil)
	_ resource.ResourceWithConfigure      = (*userResource)(nil)
	_ resource.ResourceWithImportState    = (*userResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*userResource)(nil)
	_ resource.ResourceWithValidateConfig = (*userResource)(nil)
)

// NewUser returns the zoom_user resource.
func NewUser() resource.Resource { return &userResource{} }

type userResource struct {
	client *client.Client
}

// User create actions (POST /users "action").
const (
	actionCreate     = "create"
	actionAutoCreate = "autoCreate"
	actionCustCreate = "custCreate"
	actionSSOCreate  = "ssoCreate"
)

var (
	userActions       = []string{actionCreate, actionAutoCreate, actionCustCreate, actionSSOCreate}
	userDeleteActions = []string{"disassociate", "delete"}
	phoneLabels       = []string{"Mobile", "Office", "Home", "Fax"}
)

// Delete actions (DELETE /users/{userId} "action").
const (
	deleteDisassociate = "disassociate"
	deleteDelete       = "delete"
)

// Private state keys of zoom_user.
const (
	// privDeleteActionDefault records whether delete_action was left to the provider (JSON true/false).
	privDeleteActionDefault = "delete_action_default"
)

// defaultDeleteAction is the delete action that works for a user created with action: userDelete refuses to
// disassociate API users (custCreate, code 300) and users of a managed domain (autoCreate needs one, code 1107).
func defaultDeleteAction(action string) string {
	if action == actionCustCreate || action == actionAutoCreate {
		return deleteDelete
	}
	return deleteDisassociate
}

// deleteActionRefusal explains why Zoom refuses deleteAction for a user created with action, or returns "".
func deleteActionRefusal(action, deleteAction string) string {
	if deleteAction != deleteDisassociate {
		return ""
	}
	switch action {
	case actionCustCreate:
		return "Zoom cannot disassociate an API user (created with action = \"custCreate\"): it answers " +
			"\"Unable to unlink API user(s)\". Set delete_action = \"delete\", or leave it unset (the default " +
			"for custCreate users is delete)."
	case actionAutoCreate:
		return "Zoom cannot disassociate a user of the account's managed domain, which every user created with " +
			"action = \"autoCreate\" is: it answers \"You can not disassociate a user with managed domain\". Set " +
			"delete_action = \"delete\", or leave it unset (the default for autoCreate users is delete)."
	}
	return ""
}

// createdWith tells how an existing user was created: an API user by its login type, otherwise the action the
// configuration (or, failing that, the state) gives.
func createdWith(loginTypes []int64, planned, stored types.String) types.String {
	if slices.Contains(loginTypes, loginTypeAPIUser) {
		return types.StringValue(actionCustCreate)
	}
	if !planned.IsNull() && !planned.IsUnknown() {
		return planned
	}
	if stored.IsNull() {
		return types.StringValue(actionCreate)
	}
	return stored
}

// Zoom login types that reveal how a user was created (GET /users/{userId} "login_types").
const (
	loginTypeAPIUser = 99
	loginTypeSSO     = 101
)

type userModel struct {
	ID                 types.String `tfsdk:"id"`
	Email              types.String `tfsdk:"email"`
	Action             types.String `tfsdk:"action"`
	Type               types.Int64  `tfsdk:"type"`
	PasswordWO         types.String `tfsdk:"password_wo"`
	FirstName          types.String `tfsdk:"first_name"`
	LastName           types.String `tfsdk:"last_name"`
	DisplayName        types.String `tfsdk:"display_name"`
	Status             types.String `tfsdk:"status"`
	Dept               types.String `tfsdk:"dept"`
	Company            types.String `tfsdk:"company"`
	JobTitle           types.String `tfsdk:"job_title"`
	Location           types.String `tfsdk:"location"`
	Language           types.String `tfsdk:"language"`
	Timezone           types.String `tfsdk:"timezone"`
	Manager            types.String `tfsdk:"manager"`
	CostCenter         types.String `tfsdk:"cost_center"`
	CMSUserID          types.String `tfsdk:"cms_user_id"`
	Pronouns           types.String `tfsdk:"pronouns"`
	PronounsOption     types.Int64  `tfsdk:"pronouns_option"`
	PMI                types.Int64  `tfsdk:"pmi"`
	UsePMI             types.Bool   `tfsdk:"use_pmi"`
	PhoneNumbers       types.List   `tfsdk:"phone_numbers"`
	DeleteAction       types.String `tfsdk:"delete_action"`
	Transfer           types.Object `tfsdk:"transfer"`
	CreatedAt          types.String `tfsdk:"created_at"`
	PersonalMeetingURL types.String `tfsdk:"personal_meeting_url"`
	RoleID             types.String `tfsdk:"role_id"`
	RoleName           types.String `tfsdk:"role_name"`
	LoginTypes         types.List   `tfsdk:"login_types"`
	Verified           types.Bool   `tfsdk:"verified"`
}

type transferModel struct {
	Email      types.String `tfsdk:"email"`
	Meetings   types.Bool   `tfsdk:"meetings"`
	Webinars   types.Bool   `tfsdk:"webinars"`
	Recordings types.Bool   `tfsdk:"recordings"`
	Whiteboard types.Bool   `tfsdk:"whiteboards"`
	Clipfiles  types.Bool   `tfsdk:"clips"`
	Notes      types.Bool   `tfsdk:"notes"`
	Visitors   types.Bool   `tfsdk:"visitors"`
	Docs       types.Bool   `tfsdk:"docs"`
}

type phoneNumberModel struct {
	Country types.String `tfsdk:"country"`
	Code    types.String `tfsdk:"code"`
	Number  types.String `tfsdk:"number"`
	Label   types.String `tfsdk:"label"`
}

// validatePhone checks one phone number against the formats Zoom documents.
func validatePhone(p phoneNumberModel, at path.Path) diag.Diagnostics {
	var diags diag.Diagnostics
	bad := func(name, msg string) {
		diags.AddAttributeError(at.AtName(name), "Invalid phone number", msg)
	}
	if v := p.Country; !v.IsUnknown() && len(v.ValueString()) != 2 {
		bad("country", fmt.Sprintf("country must be a two-letter country ID such as US, got %q.", v.ValueString()))
	}
	if v := p.Code; !v.IsUnknown() && !phoneCodePattern.MatchString(v.ValueString()) {
		bad("code", fmt.Sprintf("code must be a calling code such as +1, got %q.", v.ValueString()))
	}
	if v := p.Number; !v.IsUnknown() && (len(v.ValueString()) == 0 || len(v.ValueString()) > 32) {
		bad("number", "number must be 1 to 32 characters.")
	}
	if v := p.Label; !v.IsUnknown() && !slices.Contains(phoneLabels, v.ValueString()) {
		bad("label", fmt.Sprintf("label must be one of %s, got %q.", strings.Join(phoneLabels, ", "), v.ValueString()))
	}
	return diags
}

var phoneNumberAttrTypes = map[string]attr.Type{
	"country": types.StringType,
	"code":    types.StringType,
	"number":  types.StringType,
	"label":   types.StringType,
}

func (r *userResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_user"
}

func (r *userResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	optString := func(desc string, maxLen int, extra ...validator.String) schema.StringAttribute {
		return schema.StringAttribute{
			Optional: true, Computed: true, PlanModifiers: keep, Description: desc,
			Validators: append([]validator.String{stringvalidator.LengthBetween(1, maxLen)}, extra...),
		}
	}
	transferBool := func(what string) schema.BoolAttribute {
		return schema.BoolAttribute{Optional: true, Description: "Transfer the user's " + what + " to `transfer.email` when the user is deleted."}
	}
	resp.Schema = schema.Schema{
		Description: "A user of the Zoom account. Every argument except `action`, `password_wo`, `delete_action` " +
			"and `transfer` is applied in place: a Zoom user is never replaced, because deleting one deletes their " +
			"meetings and recordings. Destroying the resource disassociates an invited or SSO user from the " +
			"account by default, and deletes an API (`custCreate`) or `autoCreate` user, whom Zoom cannot disassociate.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed: true, PlanModifiers: keep,
				Description: "Zoom user ID.",
			},
			"email": schema.StringAttribute{
				Required:    true,
				Description: "The user's login e-mail (at most 128 characters). Changed in place through Zoom's e-mail update, which needs a managed domain on the account.",
				Validators:  []validator.String{validators.Email()},
			},
			"action": schema.StringAttribute{
				Optional: true, Computed: true, Default: stringdefault.StaticString(actionCreate),
				Description: "How Zoom creates the user; only used at creation, changing it later does nothing. " +
					"`create` (default): Zoom e-mails an invitation and the user stays `pending` until they accept. " +
					"`autoCreate`: an active e-mail-login user with `password_wo`, for accounts with a managed domain. " +
					"`custCreate`: an API user with no password who cannot sign in but can host through start URLs (needs Zoom's approval for the account). " +
					"`ssoCreate`: a pre-provisioned SSO user (needs the Pre-provisioning SSO User option).",
				Validators: []validator.String{stringvalidator.OneOf(userActions...)},
			},
			"type": schema.Int64Attribute{
				Required: true,
				Description: "User type: `1` Basic, `2` Licensed, `4` Unassigned without Meetings Basic (cannot host " +
					"meetings). Changed in place. (Zoom has withdrawn type `99`, None.)",
				Validators: []validator.Int64{int64validator.OneOf(1, 2, 4)},
			},
			"password_wo": schema.StringAttribute{
				Optional: true, WriteOnly: true, Sensitive: true,
				Description: "Initial password for `action = \"autoCreate\"`, write-only (never stored in state or " +
					"returned by Zoom): 8 to 32 characters with upper- and lower-case letters and digits, not one " +
					"repeated character and no run such as 12345678. Only used at creation. Needs Terraform 1.11 or later.",
				Validators: []validator.String{validators.UserPassword()},
			},
			"first_name": optString("First name, at most 64 characters. Follows Zoom when not set.", 64),
			"last_name":  optString("Last name, at most 64 characters. Follows Zoom when not set.", 64),
			"display_name": schema.StringAttribute{
				Optional: true, Computed: true,
				// Zoom may derive a new display name from new first or last names.
				PlanModifiers: []planmodifier.String{keepUnless("first_name", "last_name")},
				Description:   "Display name, at most 128 characters. When not set, Zoom derives it from the first and last name.",
				Validators:    []validator.String{stringvalidator.LengthBetween(1, 128)},
			},
			"status": schema.StringAttribute{
				Optional: true, Computed: true, PlanModifiers: keep,
				Description: "`active` or `inactive` (deactivated: licences removed, sign-in blocked); changed in " +
					"place. Zoom reports `pending` for an invited user who has not accepted yet; it cannot be set, " +
					"and a pending user cannot be activated or deactivated.",
				Validators: []validator.String{stringvalidator.OneOf("active", "inactive")},
			},
			"dept":        optString("Department.", 128),
			"company":     optString("Company, at most 255 characters.", 255),
			"job_title":   optString("Job title, at most 128 characters.", 128),
			"location":    optString("Location, at most 256 characters.", 256),
			"language":    optString("Language of the web portal, for example `en-US`.", 16),
			"timezone":    optString(userTimezoneDescription, 64, validators.TimeZone()),
			"manager":     optString("E-mail of the user's manager.", 128, validators.Email()),
			"cost_center": optString("Cost center.", 128),
			"cms_user_id": optString("Kaltura user ID.", 128),
			"pronouns":    optString("Pronouns.", 128),
			"pronouns_option": schema.Int64Attribute{
				Optional: true, Computed: true, PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
				Description: "When the pronouns are shown: `1` ask every time, `2` always, `3` never.",
				Validators:  []validator.Int64{int64validator.OneOf(1, 2, 3)},
			},
			"pmi": schema.Int64Attribute{
				Optional: true, Computed: true, PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
				Description: "Personal Meeting ID, 10 digits. Zoom assigns one when not set.",
				Validators:  []validator.Int64{int64validator.Between(1000000000, 9999999999)},
			},
			"use_pmi": schema.BoolAttribute{
				Optional: true, Computed: true, PlanModifiers: boolKeep,
				Description: "Use the Personal Meeting ID for instant meetings.",
			},
			"phone_numbers": schema.ListAttribute{
				Optional: true, Computed: true,
				ElementType:   types.ObjectType{AttrTypes: phoneNumberAttrTypes},
				PlanModifiers: []planmodifier.List{listplanmodifier.UseStateForUnknown()},
				Description: "Phone numbers, at most 3, each an object with `country` (country ID such as `US`), " +
					"`code` (calling code such as `+1`), `number`, and `label` (`Mobile`, `Office`, `Home` or `Fax`).",
				Validators: []validator.List{listvalidator.SizeAtMost(3)},
			},
			"delete_action": schema.StringAttribute{
				Optional: true, Computed: true,
				Description: "What destroying the resource does: `disassociate` (the person keeps a free Zoom " +
					"account of their own) or `delete` (permanent). When not set it follows how the user was " +
					"created: `delete` for `custCreate` and `autoCreate` users, because Zoom refuses to disassociate " +
					"API users and users of a managed domain, and `disassociate` for the others. `disassociate` is " +
					"rejected at plan time for `custCreate` and `autoCreate` users (and for an imported API user). " +
					"When it is not set and Zoom still refuses to disassociate (an imported user of a managed domain), " +
					"destroy deletes the user and says so in a warning. A pending user can only be disassociated, so " +
					"`delete` falls back to that with a warning.",
				Validators: []validator.String{stringvalidator.OneOf(userDeleteActions...)},
			},
			"transfer": schema.SingleNestedAttribute{
				Optional:    true,
				Description: "Where the user's data goes when the resource is destroyed. Only read on destroy.",
				Attributes: map[string]schema.Attribute{
					"email": schema.StringAttribute{Required: true, Description: "E-mail of the user who receives the data.",
						Validators: []validator.String{validators.Email()}},
					"meetings":    transferBool("future meetings"),
					"webinars":    transferBool("future webinars"),
					"recordings":  transferBool("cloud recordings"),
					"whiteboards": transferBool("whiteboards"),
					"clips":       transferBool("clips"),
					"notes":       transferBool("notes"),
					"visitors":    transferBool("visitors"),
					"docs":        transferBool("docs"),
				},
			},
			"created_at": schema.StringAttribute{
				Computed: true, PlanModifiers: keep,
				Description: "When the user was created (RFC 3339, UTC).",
			},
			"personal_meeting_url": schema.StringAttribute{
				Computed: true, Sensitive: true,
				// The link carries the Personal Meeting ID.
				PlanModifiers: []planmodifier.String{keepUnless("pmi")},
				Description:   "Join link of the user's personal meeting room. Sensitive: it can carry the passcode.",
			},
			// No argument of this resource changes the role or how the user signs in.
			"role_id":   schema.StringAttribute{Computed: true, PlanModifiers: keep, Description: "ID of the user's role in the account."},
			"role_name": schema.StringAttribute{Computed: true, PlanModifiers: keep, Description: "Name of the user's role, for example `Member`."},
			"login_types": schema.ListAttribute{
				Computed: true, ElementType: types.Int64Type,
				PlanModifiers: []planmodifier.List{listplanmodifier.UseStateForUnknown()},
				Description:   "How the user signs in: `99` API user (custCreate), `100` Zoom work e-mail, `101` SSO, and Zoom's other codes.",
			},
			"verified": schema.BoolAttribute{
				Computed: true, Description: "Whether the user's e-mail is verified.",
				// A new e-mail address may need verifying again.
				PlanModifiers: []planmodifier.Bool{keepUnless("email")},
			},
		},
	}
}

func (r *userResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = diagnostics.Client(req.ProviderData, &resp.Diagnostics)
}

func (r *userResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var action, password types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("action"), &action)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("password_wo"), &password)...)
	if resp.Diagnostics.HasError() || action.IsUnknown() {
		return
	}
	act := action.ValueString()
	if action.IsNull() {
		act = actionCreate
	}
	if !password.IsNull() && act != actionAutoCreate {
		resp.Diagnostics.AddAttributeError(path.Root("password_wo"), "Password only applies to autoCreate",
			fmt.Sprintf("Zoom sets a password only for users created with action = \"autoCreate\"; with %q the "+
				"user sets their own password (create) or has none (custCreate, ssoCreate). Remove password_wo.", act))
	}
	var phones []phoneNumberModel
	if d := req.Config.GetAttribute(ctx, path.Root("phone_numbers"), &phones); !d.HasError() {
		for i, p := range phones {
			resp.Diagnostics.Append(validatePhone(p, path.Root("phone_numbers").AtListIndex(i))...)
		}
	}
}

// ModifyPlan plans the default delete_action of how the user is (or was) created, rejects a delete_action Zoom
// would refuse, and rejects a status that a new invited user cannot have.
func (r *userResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	var action, deleteAction types.String
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("action"), &action)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("delete_action"), &deleteAction)...)
	if resp.Diagnostics.HasError() {
		return
	}
	created := action
	if !req.State.Raw.IsNull() {
		var stored types.String
		var loginTypes []int64
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("action"), &stored)...)
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("login_types"), &loginTypes)...)
		if resp.Diagnostics.HasError() {
			return
		}
		created = createdWith(loginTypes, action, stored)
	}
	switch {
	case deleteAction.IsNull() && created.IsUnknown():
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("delete_action"), types.StringUnknown())...)
	case deleteAction.IsNull():
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("delete_action"), defaultDeleteAction(created.ValueString()))...)
	case !deleteAction.IsUnknown() && !created.IsUnknown():
		if why := deleteActionRefusal(created.ValueString(), deleteAction.ValueString()); why != "" {
			resp.Diagnostics.AddAttributeError(path.Root("delete_action"), "Zoom refuses this delete_action", why)
		}
	}
	if !req.State.Raw.IsNull() {
		return
	}
	var status types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("status"), &status)...)
	if action.ValueString() == actionCreate && !status.IsNull() && !status.IsUnknown() {
		resp.Diagnostics.AddAttributeError(path.Root("status"), "Status cannot be set for an invited user",
			"A user created with action = \"create\" stays pending until they accept Zoom's invitation, and a "+
				"pending user cannot be activated or deactivated. Leave status unset until the user is active, "+
				"or create the user with autoCreate, custCreate or ssoCreate.")
	}
}

func (r *userResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	if !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	var plan, config userModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}

	// An action unknown at plan time could not be checked against delete_action then.
	if why := deleteActionRefusal(plan.Action.ValueString(), config.DeleteAction.ValueString()); why != "" {
		resp.Diagnostics.AddAttributeError(path.Root("delete_action"), "Zoom refuses this delete_action", why)
		return
	}
	resp.Diagnostics.Append(setDeleteActionDefault(ctx, resp.Private, config.DeleteAction.IsNull())...)

	created, err := r.createOrAdopt(ctx, &plan, config.PasswordWO.ValueString(), &resp.Diagnostics)
	if err != nil {
		diagnostics.AddAPIError(&resp.Diagnostics, "Error creating Zoom user ("+userWhat(plan.Email.ValueString())+")", err)
		return
	}
	plan.ID = types.StringValue(created.ID)
	// When a step below fails, the user is not recorded: an error with a state would taint the user and have the
	// next apply delete and re-create it. The next apply adopts it instead (Zoom refuses the e-mail, and the
	// user is recent and has the configured names) and goes on from there.
	notRecorded := fmt.Errorf("Zoom created %s (ID %s) but this step failed, so it is not recorded in the state yet; "+
		"the next apply adopts the user and completes it instead of creating it again", userWhat(plan.Email.ValueString()), created.ID)

	// POST /users takes only the identity fields; everything else goes in one PATCH.
	sent := userModel{
		Email: plan.Email, Type: plan.Type, FirstName: plan.FirstName, LastName: plan.LastName,
		DisplayName: plan.DisplayName,
	}
	patched := sentFields(&plan, &sent)
	if upd := userUpdateRequest(&plan, &sent); upd != nil {
		if err := r.client.Users.Update(ctx, created.ID, upd); err != nil {
			diagnostics.AddAPIError(&resp.Diagnostics, "Error setting the new Zoom user's profile ("+userWhat(plan.Email.ValueString())+")",
				fmt.Errorf("%w\n\n%v", err, notRecorded))
			return
		}
	}
	if plan.Status.ValueString() == "inactive" {
		if err := r.client.Users.UpdateStatus(ctx, created.ID, "deactivate"); err != nil {
			diagnostics.AddAPIError(&resp.Diagnostics, "Error deactivating the new Zoom user ("+userWhat(plan.Email.ValueString())+")",
				fmt.Errorf("%w\n\n%v", err, notRecorded))
			return
		}
	}
	wanted := plan
	// userCreate answers only id, email, first_name, last_name and type. What Zoom computes is in userGet alone,
	// and every one of these attributes is unknown in the plan of a new user, so the state cannot be written
	// without it: status (pending or active, by action and account), pmi, personal_meeting_url, created_at,
	// role_id, role_name, login_types, verified, the display_name Zoom derives, and Zoom's values of the optional
	// attributes left unset (timezone, language, use_pmi, pronouns_option, phone_numbers, dept, ...). userGet has
	// no parameter selecting fields, so the read cannot be made cheaper either: it is one Light request.
	u, err := r.client.Users.Get(ctx, created.ID)
	if err != nil {
		// The user exists: record it with what is known rather than fail, which would taint it and have the
		// next apply delete and re-create it.
		saveKnownPlan(ctx, req.Plan, &resp.State, created.ID, &resp.Diagnostics)
		resp.Diagnostics.AddWarning("Zoom user saved with what is known",
			fmt.Sprintf("Zoom created %s (ID %s) but reading it back failed: %v. It is saved in the state with the "+
				"configured values; the next refresh reads the rest.", userWhat(plan.Email.ValueString()), created.ID, err))
		return
	}
	resp.Diagnostics.Append(userModelFromAPI(u, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	// An invited user is pending: what Zoom did not take stays as configured until the person accepts.
	kept := keepUnapplied(&wanted, &plan, patched)
	warnUnapplied(&resp.Diagnostics, plan.Email.ValueString(), kept)
	resp.Diagnostics.Append(setUnapplied(ctx, resp.Private, kept)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// createOrAdopt creates the user. After every attempt Zoom may have carried out without answering, it looks the
// user up by e-mail and adopts what it created instead of creating a second one; a user that Zoom refuses because
// the e-mail is taken is adopted when an interrupted earlier apply created it (see adoptableUser).
func (r *userResource) createOrAdopt(ctx context.Context, plan *userModel, password string, diags *diag.Diagnostics) (*client.User, error) {
	req := &client.CreateUserRequest{
		Action: plan.Action.ValueString(),
		UserInfo: client.CreateUserInfo{
			Email:       plan.Email.ValueString(),
			Type:        int(plan.Type.ValueInt64()),
			FirstName:   plan.FirstName.ValueString(),
			LastName:    plan.LastName.ValueString(),
			DisplayName: plan.DisplayName.ValueString(),
			Password:    password,
		},
	}
	email := req.UserInfo.Email
	created, err := createWithAdoption(ctx, adoption[*client.User]{
		what:   userWhat(email),
		create: func() (*client.User, error) { return r.client.Users.Create(ctx, req) },
		exists: client.IsConflict,
		lookup: func() (*client.User, bool, error) {
			u, err := r.client.Users.Get(ctx, email)
			switch {
			case client.IsUserGone(err):
				return nil, false, nil
			case err != nil:
				return nil, false, err
			}
			return u, r.adoptableUser(u, req), nil
		},
		id: func(u *client.User) string { return u.ID },
	}, "Nothing is recorded in the state for it: the next apply finds the user by e-mail and adopts it instead of "+
		"failing on the taken e-mail.", diags)
	if client.IsConflict(err) {
		return nil, fmt.Errorf("%w\n\nA user with e-mail %s already exists in the account. To manage it with "+
			"Terraform, import it: terraform import <address> %s", err, email, email)
	}
	return created, err
}

// adoptableUser reports whether u, found under the e-mail a create used, is what that create made: a user
// created within userAdoptWindow (by Zoom's clock) with the requested type and names, holding neither the Owner
// nor the Admin role (a create gives the account's member role). Any other user existed before and is left to an
// import.
func (r *userResource) adoptableUser(u *client.User, req *client.CreateUserRequest) bool {
	if u.Type != req.UserInfo.Type || u.RoleID == "0" || u.RoleID == "1" || u.RoleName == "Owner" || u.RoleName == "Admin" {
		return false
	}
	created := u.UserCreatedAt
	if created == "" {
		created = u.CreatedAt
	}
	at, err := time.Parse(time.RFC3339, created)
	if err != nil || at.Before(r.client.ServerNow().Add(-userAdoptWindow)) {
		return false
	}
	for _, f := range []struct{ want, got string }{
		{req.UserInfo.FirstName, u.FirstName}, {req.UserInfo.LastName, u.LastName},
	} {
		if f.want != "" && f.want != f.got {
			return false
		}
	}
	return true
}

// userWhat names a user in messages.
func userWhat(email string) string { return fmt.Sprintf("zoom_user %q", email) }

func (r *userResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	if !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	var state userModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	prior := state
	if gone := r.readInto(ctx, &state, &resp.Diagnostics); gone {
		resp.State.RemoveResource(ctx)
		return
	}
	if resp.Diagnostics.HasError() {
		return
	}
	// While the user is pending, the values Zoom has not taken yet stay as they are in state; once the user has
	// accepted, Zoom's values show, and the plan puts back what is still to apply.
	if unapplied := getUnapplied(ctx, req.Private); len(unapplied) > 0 {
		resp.Diagnostics.Append(setUnapplied(ctx, resp.Private, keepUnapplied(&prior, &state, unapplied))...)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// readInto fetches the user named by m.ID (an id, or an e-mail during import) and maps it onto m. It reports
// gone = true when the user no longer exists.
func (r *userResource) readInto(ctx context.Context, m *userModel, diags *diag.Diagnostics) (gone bool) {
	u, err := r.client.Users.Get(ctx, m.ID.ValueString())
	if err != nil {
		if client.IsUserGone(err) {
			return true
		}
		diagnostics.AddAPIError(diags, "Error reading Zoom user "+m.ID.ValueString(), err)
		return false
	}
	diags.Append(userModelFromAPI(u, m)...)
	return false
}

func (r *userResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	if !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	var plan, state userModel
	var configDeleteAction types.String
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("delete_action"), &configDeleteAction)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(setDeleteActionDefault(ctx, resp.Private, configDeleteAction.IsNull())...)
	id := state.ID.ValueString()

	if !plan.Email.Equal(state.Email) {
		if err := r.client.Users.UpdateEmail(ctx, id, plan.Email.ValueString()); err != nil {
			diagnostics.AddAPIError(&resp.Diagnostics, "Error changing the Zoom user's e-mail", err)
			return
		}
	}
	patched := append(sentFields(&plan, &state), getUnapplied(ctx, req.Private)...)
	if upd := userUpdateRequest(&plan, &state); upd != nil {
		if err := r.client.Users.Update(ctx, id, upd); err != nil {
			diagnostics.AddAPIError(&resp.Diagnostics, "Error updating Zoom user ("+userWhat(state.Email.ValueString())+")", err)
			return
		}
	}
	if want := plan.Status.ValueString(); !plan.Status.IsUnknown() && want != state.Status.ValueString() {
		if state.Status.ValueString() == "pending" {
			resp.Diagnostics.AddAttributeError(path.Root("status"), "Cannot change the status of a pending user",
				fmt.Sprintf("%s has not accepted Zoom's invitation yet, and Zoom cannot activate or deactivate a "+
					"pending user. Leave status unset until the user is active.", state.Email.ValueString()))
			return
		}
		action := map[string]string{"active": "activate", "inactive": "deactivate"}[want]
		if err := r.client.Users.UpdateStatus(ctx, id, action); err != nil {
			diagnostics.AddAPIError(&resp.Diagnostics, "Error changing the Zoom user's status", err)
			return
		}
	}

	plan.ID = state.ID
	wanted := plan
	if gone := r.readInto(ctx, &plan, &resp.Diagnostics); gone {
		resp.Diagnostics.AddError("Zoom user disappeared", "The user "+id+" was deleted while it was being updated.")
	}
	if resp.Diagnostics.HasError() {
		return
	}
	kept := keepUnapplied(&wanted, &plan, patched)
	warnUnapplied(&resp.Diagnostics, plan.Email.ValueString(), kept)
	resp.Diagnostics.Append(setUnapplied(ctx, resp.Private, kept)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *userResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	if !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	var state userModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var loginTypes []int64
	if !state.LoginTypes.IsNull() && !state.LoginTypes.IsUnknown() {
		resp.Diagnostics.Append(state.LoginTypes.ElementsAs(ctx, &loginTypes, false)...)
	}
	created := createdWith(loginTypes, state.Action, state.Action).ValueString()
	opts := &client.DeleteUserOptions{Action: state.DeleteAction.ValueString()}
	if opts.Action == "" {
		opts.Action = defaultDeleteAction(created)
	}
	if deleteActionRefusal(created, opts.Action) != "" {
		// Only a state written before delete_action followed the create action holds such a pair (plan time
		// rejects it now): use the action Zoom accepts.
		opts.Action = defaultDeleteAction(created)
		resp.Diagnostics.AddWarning("Zoom user deleted instead of disassociated",
			fmt.Sprintf("Zoom cannot disassociate %s, a %s user, so destroy deletes it (the state held "+
				"delete_action = %q from an earlier version of the provider).", state.Email.ValueString(), created,
				state.DeleteAction.ValueString()))
	}
	if opts.Action == deleteDelete && state.Status.ValueString() == "pending" {
		opts.Action = "disassociate"
		resp.Diagnostics.AddWarning("Pending user disassociated instead of deleted",
			fmt.Sprintf("%s had not accepted Zoom's invitation, and Zoom can only disassociate pending users.",
				state.Email.ValueString()))
	}
	if !state.Transfer.IsNull() && !state.Transfer.IsUnknown() {
		var t transferModel
		resp.Diagnostics.Append(state.Transfer.As(ctx, &t, basetypes.ObjectAsOptions{})...)
		opts.TransferEmail = t.Email.ValueString()
		opts.TransferMeeting = t.Meetings.ValueBoolPointer()
		opts.TransferWebinar = t.Webinars.ValueBoolPointer()
		opts.TransferRecording = t.Recordings.ValueBoolPointer()
		opts.TransferWhiteboard = t.Whiteboard.ValueBoolPointer()
		opts.TransferClipfiles = t.Clipfiles.ValueBoolPointer()
		opts.TransferNotes = t.Notes.ValueBoolPointer()
		opts.TransferVisitors = t.Visitors.ValueBoolPointer()
		opts.TransferDocs = t.Docs.ValueBoolPointer()
	}
	err := r.client.Users.Delete(ctx, state.ID.ValueString(), opts)
	if err != nil && opts.Action == deleteDisassociate && client.IsDisassociateRefused(err) && deleteActionDefaulted(ctx, req.Private) {
		// delete_action was left to the provider, and Zoom refuses to disassociate this user (an imported
		// user of a managed domain, which nothing in the user's record reveals): delete is what removes it.
		resp.Diagnostics.AddWarning("Zoom user deleted instead of disassociated",
			fmt.Sprintf("Zoom refused to disassociate %s (%v), so it was deleted. Set delete_action = \"delete\" "+
				"on such users to say so in the configuration.", state.Email.ValueString(), err))
		opts.Action = deleteDelete
		err = r.client.Users.Delete(ctx, state.ID.ValueString(), opts)
	}
	if err != nil && !client.IsUserGone(err) {
		diagnostics.AddAPIError(&resp.Diagnostics, "Error deleting Zoom user ("+userWhat(state.Email.ValueString())+")", err)
	}
}

// ImportState accepts a user ID or the user's e-mail; Read resolves either to the user's ID.
func (r *userResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id := strings.TrimSpace(req.ID)
	if id == "" {
		resp.Diagnostics.AddError("Invalid import ID", "Import a Zoom user by its user ID or its e-mail address.")
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	// Read gives delete_action the default of the create action it infers.
	resp.Diagnostics.Append(setDeleteActionDefault(ctx, resp.Private, true)...)
}

func setDeleteActionDefault(ctx context.Context, p privateState, defaulted bool) diag.Diagnostics {
	return p.SetKey(ctx, privDeleteActionDefault, []byte(strconv.FormatBool(defaulted)))
}

func deleteActionDefaulted(ctx context.Context, p privateState) bool {
	b, d := p.GetKey(ctx, privDeleteActionDefault)
	return !d.HasError() && string(b) == "true"
}

// userModelFromAPI maps a Zoom user onto m: every attribute Zoom reports, so that Read detects drift on all of
// them. Create-time and destroy-time arguments (action, password, delete_action, transfer) are left as they are,
// except that an imported user's action is inferred from how it signs in.
func userModelFromAPI(u *client.User, m *userModel) diag.Diagnostics {
	var diags diag.Diagnostics
	m.ID = types.StringValue(u.ID)
	m.Email = types.StringValue(sameEmail(m.Email, u.Email).ValueString())
	m.Type = types.Int64Value(int64(u.Type))
	m.Status = types.StringValue(u.Status)
	m.FirstName = tfvalue.StringOrNull(u.FirstName)
	m.LastName = tfvalue.StringOrNull(u.LastName)
	m.DisplayName = tfvalue.StringOrNull(u.DisplayName)
	m.Dept = tfvalue.StringOrNull(u.Dept)
	m.Company = tfvalue.StringOrNull(u.Company)
	m.JobTitle = tfvalue.StringOrNull(u.JobTitle)
	m.Location = tfvalue.StringOrNull(u.Location)
	m.Language = tfvalue.StringOrNull(u.Language)
	m.Timezone = tfvalue.StringOrNull(u.Timezone)
	m.Manager = sameEmail(m.Manager, u.Manager)
	m.CostCenter = tfvalue.StringOrNull(u.CostCenter)
	m.CMSUserID = tfvalue.StringOrNull(u.CMSUserID)
	m.Pronouns = tfvalue.StringOrNull(u.Pronouns)
	m.PronounsOption = tfvalue.Int64OrNull(int64(u.PronounsOption))
	m.PMI = tfvalue.Int64OrNull(u.PMI)
	m.UsePMI = types.BoolValue(u.UsePMI)
	m.CreatedAt = tfvalue.StringOrNull(u.UserCreatedAt)
	m.PersonalMeetingURL = tfvalue.StringOrNull(u.PersonalMeetingURL)
	m.RoleID = tfvalue.StringOrNull(u.RoleID)
	m.RoleName = tfvalue.StringOrNull(u.RoleName)
	m.Verified = types.BoolValue(u.Verified == 1)

	phones := make([]attr.Value, 0, len(u.PhoneNumbers))
	for i, p := range u.PhoneNumbers {
		if same, ok := phoneFromAPI(m.PhoneNumbers, i, p); ok {
			phones = append(phones, same)
			continue
		}
		obj, d := types.ObjectValue(phoneNumberAttrTypes, map[string]attr.Value{
			"country": types.StringValue(p.Country), "code": types.StringValue(p.Code),
			"number": types.StringValue(p.Number), "label": types.StringValue(p.Label),
		})
		diags.Append(d...)
		phones = append(phones, obj)
	}
	var d diag.Diagnostics
	m.PhoneNumbers, d = types.ListValue(types.ObjectType{AttrTypes: phoneNumberAttrTypes}, phones)
	diags.Append(d...)

	logins := make([]attr.Value, 0, len(u.LoginTypes))
	for _, lt := range u.LoginTypes {
		logins = append(logins, types.Int64Value(int64(lt)))
	}
	m.LoginTypes, d = types.ListValue(types.Int64Type, logins)
	diags.Append(d...)

	if m.Action.IsNull() || m.Action.IsUnknown() {
		m.Action = types.StringValue(inferAction(u))
	}
	if m.Transfer.IsUnknown() {
		m.Transfer = types.ObjectNull(transferAttrTypes)
	}
	if m.DeleteAction.IsNull() || m.DeleteAction.IsUnknown() {
		m.DeleteAction = types.StringValue(defaultDeleteAction(m.Action.ValueString()))
	}
	return diags
}

var transferAttrTypes = map[string]attr.Type{
	"email": types.StringType, "meetings": types.BoolType, "webinars": types.BoolType,
	"recordings": types.BoolType, "whiteboards": types.BoolType, "clips": types.BoolType,
	"notes": types.BoolType, "visitors": types.BoolType, "docs": types.BoolType,
}

// inferAction tells, for an imported user, which create action matches how the user signs in.
func inferAction(u *client.User) string {
	switch {
	case slices.Contains(u.LoginTypes, loginTypeAPIUser):
		return actionCustCreate
	case slices.Contains(u.LoginTypes, loginTypeSSO):
		return actionSSOCreate
	default:
		return actionCreate
	}
}

// userUpdateRequest builds the PATCH body holding exactly the attributes whose planned value differs from prior.
// Unknown and null planned values are left out: they are Zoom's to decide. It returns nil when nothing changed.
func userUpdateRequest(plan, prior *userModel) *client.UpdateUserRequest {
	var req client.UpdateUserRequest
	changed := false
	str := func(p, s types.String, dst **string) {
		if !p.IsNull() && !p.IsUnknown() && !p.Equal(s) {
			*dst = client.Ptr(p.ValueString())
			changed = true
		}
	}
	str(plan.FirstName, prior.FirstName, &req.FirstName)
	str(plan.LastName, prior.LastName, &req.LastName)
	str(plan.DisplayName, prior.DisplayName, &req.DisplayName)
	str(plan.Dept, prior.Dept, &req.Dept)
	str(plan.Company, prior.Company, &req.Company)
	str(plan.JobTitle, prior.JobTitle, &req.JobTitle)
	str(plan.Location, prior.Location, &req.Location)
	str(plan.Language, prior.Language, &req.Language)
	str(plan.Timezone, prior.Timezone, &req.Timezone)
	str(plan.Manager, prior.Manager, &req.Manager)
	str(plan.CostCenter, prior.CostCenter, &req.CostCenter)
	str(plan.CMSUserID, prior.CMSUserID, &req.CMSUserID)
	str(plan.Pronouns, prior.Pronouns, &req.Pronouns)
	if v := plan.Type; !v.IsNull() && !v.IsUnknown() && !v.Equal(prior.Type) {
		req.Type = client.Ptr(int(v.ValueInt64()))
		changed = true
	}
	if v := plan.PronounsOption; !v.IsNull() && !v.IsUnknown() && !v.Equal(prior.PronounsOption) {
		req.PronounsOption = client.Ptr(int(v.ValueInt64()))
		changed = true
	}
	if v := plan.PMI; !v.IsNull() && !v.IsUnknown() && !v.Equal(prior.PMI) {
		req.PMI = client.Ptr(v.ValueInt64())
		changed = true
	}
	if v := plan.UsePMI; !v.IsNull() && !v.IsUnknown() && !v.Equal(prior.UsePMI) {
		req.UsePMI = client.Ptr(v.ValueBool())
		changed = true
	}
	if v := plan.PhoneNumbers; !v.IsNull() && !v.IsUnknown() && !v.Equal(prior.PhoneNumbers) {
		phones := []client.PhoneNumber{}
		for _, e := range v.Elements() {
			o := e.(types.Object).Attributes()
			phones = append(phones, client.PhoneNumber{
				Country: o["country"].(types.String).ValueString(), Code: o["code"].(types.String).ValueString(),
				Number: o["number"].(types.String).ValueString(), Label: o["label"].(types.String).ValueString(),
			})
		}
		req.PhoneNumbers = &phones
		changed = true
	}
	if !changed {
		return nil
	}
	return &req
}
