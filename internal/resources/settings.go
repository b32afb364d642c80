package resources

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/diagnostics"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/settingsattrs"
)

// The five settings resources (zoom_account_settings, zoom_account_lock_settings, zoom_group_settings,
// zoom_group_lock_settings, zoom_user_settings) are one implementation over the shared settings tables: they differ
// in the object they read and write (settingsattrs.Target) and in its owner (none, a group or a user).

var (
	_ resource.Resource                = (*settingsResource)(nil)
	_ resource.ResourceWithConfigure   = (*settingsResource)(nil)
	_ resource.ResourceWithImportState = (*settingsResource)(nil)
)

// accountSettingsID is the id of the account-level resources: Zoom's "me" account.
const accountSettingsID = "me"

// settingsSemantics is the part of every settings resource's description that states how it manages settings.
const settingsSemantics = " Only the settings written in the configuration are managed: the others follow Zoom and " +
	"never show a difference, and a managed setting changed in the Zoom portal shows as drift on exactly that " +
	"setting. An update sends one request per section that changed, holding only the changed settings. " +
	"Destroy stops managing the settings and sends nothing: Zoom keeps the values last applied. Removing a setting " +
	"from the configuration also just stops managing it."

type settingsKind struct {
	typeName    string
	target      settingsattrs.Target
	owner       string // attribute naming the owner: "", "group_id" or "user_id"
	description string
}

type settingsResource struct {
	client *client.Client
	kind   settingsKind
}

// NewAccountSettings returns the zoom_account_settings resource.
func NewAccountSettings() resource.Resource {
	return &settingsResource{kind: settingsKind{typeName: "account_settings",
		target: settingsattrs.Target{Level: settingsattrs.Account},
		description: "Settings of the Zoom account: the values its groups and users inherit unless they set their own, " +
			"and the values a lock (`zoom_account_lock_settings`) imposes. Needs a paid account." + settingsSemantics}}
}

// NewAccountLockSettings returns the zoom_account_lock_settings resource.
func NewAccountLockSettings() resource.Resource {
	return &settingsResource{kind: settingsKind{typeName: "account_lock_settings",
		target: settingsattrs.Target{Level: settingsattrs.Account, Locks: true},
		description: "Lock settings of the Zoom account: a locked setting takes the account's value (`zoom_account_settings`) " +
			"for every group and user, who can no longer change it; a group or user settings resource that writes it " +
			"gets an error naming the lock. Needs a Pro or higher account." + settingsSemantics}}
}

// NewGroupSettings returns the zoom_group_settings resource.
func NewGroupSettings() resource.Resource {
	return &settingsResource{kind: settingsKind{typeName: "group_settings", owner: "group_id",
		target: settingsattrs.Target{Level: settingsattrs.Group},
		description: "Settings of a Zoom group: the values its members inherit unless they set their own, and the values " +
			"a group lock (`zoom_group_lock_settings`) imposes on them. A setting locked at account level cannot be " +
			"written here (the error names the lock)." + settingsSemantics}}
}

// NewGroupLockSettings returns the zoom_group_lock_settings resource.
func NewGroupLockSettings() resource.Resource {
	return &settingsResource{kind: settingsKind{typeName: "group_lock_settings", owner: "group_id",
		target: settingsattrs.Target{Level: settingsattrs.Group, Locks: true},
		description: "Lock settings of a Zoom group: a locked setting takes the group's value (`zoom_group_settings`) for " +
			"every member, who can no longer change it. An account lock still comes first." + settingsSemantics}}
}

// NewUserSettings returns the zoom_user_settings resource.
func NewUserSettings() resource.Resource {
	return &settingsResource{kind: settingsKind{typeName: "user_settings", owner: "user_id",
		target: settingsattrs.Target{Level: settingsattrs.User},
		description: "Settings of a Zoom user, including the user's licences (`feature`: meeting capacity and the webinar " +
			"and large-meeting add-ons). A setting locked at account level or by one of the user's groups shows the " +
			"locking level's value and cannot be written here (the error names the lock). A licence the account cannot " +
			"grant (no free seat of the add-on, or the plan lacks it) fails with an error naming the add-on; the other " +
			"settings of the same apply are still written, because each add-on is sent in a request of its own." +
			settingsSemantics}}
}

func (r *settingsResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + r.kind.typeName
}

func (r *settingsResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	attrs := r.kind.target.ResourceAttributes()
	idDesc := "Always `me` (the account the provider is configured for)."
	switch r.kind.owner {
	case "group_id":
		idDesc = "The group ID."
		attrs["group_id"] = schema.StringAttribute{Required: true, Description: "ID of the group. Changing it manages another group's settings (nothing is sent for the old one).",
			Validators:    []validator.String{stringvalidator.LengthAtLeast(1)},
			PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()}}
	case "user_id":
		idDesc = "The user ID."
		attrs["user_id"] = schema.StringAttribute{Required: true, Description: "ID of the user (for example `zoom_user.x.id`). Changing it manages another user's settings (nothing is sent for the old one).",
			Validators:    []validator.String{stringvalidator.LengthAtLeast(1)},
			PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()}}
	}
	attrs["id"] = schema.StringAttribute{Computed: true, Description: idDesc,
		PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}}
	resp.Schema = schema.Schema{Description: r.kind.description, Attributes: attrs}
}

func (r *settingsResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = diagnostics.Client(req.ProviderData, &resp.Diagnostics)
}

// ownerID is the group or user ID of the resource ("" for the account).
func (r *settingsResource) ownerID(ctx context.Context, get func(context.Context, path.Path, any) diag.Diagnostics, diags *diag.Diagnostics) string {
	if r.kind.owner == "" {
		return ""
	}
	var v types.String
	diags.Append(get(ctx, path.Root(r.kind.owner), &v)...)
	return v.ValueString()
}

// sections reads every section object of a plan or state.
func (r *settingsResource) sections(ctx context.Context, get func(context.Context, path.Path, any) diag.Diagnostics, diags *diag.Diagnostics) map[string]types.Object {
	out := map[string]types.Object{}
	for _, sec := range r.kind.target.Sections() {
		var o types.Object
		diags.Append(get(ctx, path.Root(sec.Name), &o)...)
		out[sec.Name] = o
	}
	return out
}

func (r *settingsResource) label(owner string) string {
	if owner == "" {
		return "zoom_" + r.kind.typeName
	}
	return fmt.Sprintf("zoom_%s of %s", r.kind.typeName, owner)
}

func (r *settingsResource) patch(ctx context.Context, owner string, req settingsattrs.Request) error {
	t := r.kind.target
	body := req.Body(t)
	switch {
	case t.Level == settingsattrs.Account && t.Locks:
		return r.client.Settings.UpdateAccountLocks(ctx, req.Option, body)
	case t.Level == settingsattrs.Account:
		return r.client.Settings.UpdateAccount(ctx, req.Option, body)
	case t.Level == settingsattrs.Group && t.Locks:
		return r.client.Settings.UpdateGroupLocks(ctx, owner, req.Option, body)
	case t.Level == settingsattrs.Group:
		return r.client.Settings.UpdateGroup(ctx, owner, req.Option, body)
	}
	return r.client.Settings.UpdateUser(ctx, owner, req.Option, body)
}

// refresh reads the target and writes it, with the owner and id, into state. With planned, the known values of
// the plan are kept and Zoom's only fill the unknown ones: an unmanaged setting that another resource of the same
// apply changes (a value inherited from the account or a group) keeps its planned value until the next refresh,
// where it changes without a diff.
func (r *settingsResource) refresh(ctx context.Context, owner string, prior, planned map[string]types.Object, state *tfsdk.State, diags *diag.Diagnostics) error {
	t := r.kind.target
	got, err := t.Fetch(ctx, r.client, owner, t.Sections())
	if err != nil {
		return err
	}
	for _, sec := range t.Sections() {
		v := t.FromAPI(sec, got, prior[sec.Name])
		if p, ok := planned[sec.Name]; ok {
			v = t.KeepKnown(sec, p, v)
		}
		diags.Append(state.SetAttribute(ctx, path.Root(sec.Name), v)...)
	}
	id := accountSettingsID
	if owner != "" {
		id = owner
		diags.Append(state.SetAttribute(ctx, path.Root(r.kind.owner), owner)...)
	}
	diags.Append(state.SetAttribute(ctx, path.Root("id"), id)...)
	return nil
}

// apply writes the changes between plan and state (state sections null on create) and refreshes state.
func (r *settingsResource) apply(ctx context.Context, verb string, plan tfsdk.Plan, prior map[string]types.Object, state *tfsdk.State, diags *diag.Diagnostics) {
	if !diagnostics.RequireClient(r.client, diags) {
		return
	}
	t := r.kind.target
	owner := r.ownerID(ctx, plan.GetAttribute, diags)
	planned := r.sections(ctx, plan.GetAttribute, diags)
	if diags.HasError() {
		return
	}
	summary := fmt.Sprintf("Error %s %s", verb, r.label(owner))
	var changes []settingsattrs.Change
	for _, sec := range t.Sections() {
		changes = append(changes, t.Changes(sec, planned[sec.Name], prior[sec.Name])...)
	}
	if !t.Locks && t.Level != settingsattrs.Account && len(changes) > 0 {
		if locked, err := r.lockedChanges(ctx, owner, changes); err != nil {
			diagnostics.AddAPIError(diags, summary, err)
			return
		} else if len(locked) > 0 {
			diags.AddError(summary, strings.Join(locked, "\n\n"))
			return
		}
	}
	// Each request that fails leaves the others: the state is refreshed from Zoom after them all, so what was
	// written is recorded and what failed shows as a difference in the next plan.
	var failed []string
	for _, req := range settingsattrs.Requests(changes) {
		err := r.patch(ctx, owner, req)
		switch {
		case err == nil:
		case req.Addon != "" && client.IsAddonUnavailable(err):
			failed = append(failed, fmt.Sprintf("The account cannot give this user the %s add-on (%s): it has no free seat "+
				"of the %s add-on with that capacity, or its plan lacks the add-on. Buy or free a seat, or remove the "+
				"setting. The other settings of this apply were written.\n\nZoom said: %s", req.Addon, describe(req.Changes), req.Addon, err))
		case req.Addon != "" && client.IsLicenceNeedsLicensedUser(err):
			failed = append(failed, fmt.Sprintf("The %s add-on can only be given to a Licensed user (type 2): make the "+
				"user Licensed first. The other settings of this apply were written.\n\nZoom said: %s", req.Addon, err))
		default:
			failed = append(failed, fmt.Sprintf("Writing %s failed: %s", describe(req.Changes), diagnostics.Explain(err)))
		}
	}
	keep := planned
	if len(failed) > 0 {
		keep = nil // what Zoom holds, so that what failed shows as a difference
	}
	if err := r.refresh(ctx, owner, prior, keep, state, diags); err != nil {
		diagnostics.AddAPIError(diags, summary, err)
		return
	}
	for _, f := range failed {
		diags.AddError(summary, f)
	}
}

func describe(changes []settingsattrs.Change) string {
	parts := make([]string, len(changes))
	for i, c := range changes {
		parts[i] = fmt.Sprintf("%s = %v", c.Path(), c.Value)
	}
	return strings.Join(parts, ", ")
}

// lockedChanges names the changes that a lock of the account or, for a user, of one of the user's groups, forbids.
func (r *settingsResource) lockedChanges(ctx context.Context, owner string, changes []settingsattrs.Change) ([]string, error) {
	var secs []settingsattrs.Section
	seen := map[string]bool{}
	for _, c := range changes {
		if !seen[c.Section.Name] {
			seen[c.Section.Name] = true
			secs = append(secs, c.Section)
		}
	}
	account, err := settingsattrs.Target{Level: settingsattrs.Account, Locks: true}.Fetch(ctx, r.client, "", secs)
	if err != nil {
		return nil, err
	}
	type lockSet struct {
		name  string
		locks client.Settings
		level settingsattrs.Level
	}
	sets := []lockSet{{name: "the account's lock settings (zoom_account_lock_settings)", locks: account, level: settingsattrs.Account}}
	if r.kind.target.Level == settingsattrs.User {
		u, err := r.client.Users.Get(ctx, owner)
		if err != nil {
			return nil, err
		}
		for _, g := range u.GroupIDs {
			gl, err := settingsattrs.Target{Level: settingsattrs.Group, Locks: true}.Fetch(ctx, r.client, g, secs)
			if err != nil {
				return nil, err
			}
			sets = append(sets, lockSet{name: fmt.Sprintf("the lock settings of group %s (zoom_group_lock_settings)", g), locks: gl, level: settingsattrs.Group})
		}
	}
	var out []string
	for _, c := range changes {
		for _, ls := range sets {
			if c.Setting.Locks&ls.level == 0 {
				continue
			}
			if on, _ := ls.locks[c.Section.Name][c.Setting.Name].(bool); on {
				out = append(out, fmt.Sprintf("%s is locked by %s, so it cannot be set here: the locking level's value "+
					"applies. Remove it from this resource, or unlock it first.", c.Path(), ls.name))
				break
			}
		}
	}
	return out, nil
}

func (r *settingsResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	r.apply(ctx, "creating", req.Plan, map[string]types.Object{}, &resp.State, &resp.Diagnostics)
}

func (r *settingsResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	prior := r.sections(ctx, req.State.GetAttribute, &resp.Diagnostics)
	r.apply(ctx, "updating", req.Plan, prior, &resp.State, &resp.Diagnostics)
}

func (r *settingsResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	if !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	owner := r.ownerID(ctx, req.State.GetAttribute, &resp.Diagnostics)
	prior := r.sections(ctx, req.State.GetAttribute, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.refresh(ctx, owner, prior, nil, &resp.State, &resp.Diagnostics); err != nil {
		if owner != "" && (client.IsNotFound(err) || client.IsGroupNotFound(err)) {
			// The group or user is gone: so are its settings.
			resp.State.RemoveResource(ctx)
			return
		}
		diagnostics.AddAPIError(&resp.Diagnostics, "Error reading "+r.label(owner), err)
	}
}

// Delete stops managing the settings: nothing is sent, Zoom keeps the values last applied.
func (r *settingsResource) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {
}

func (r *settingsResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id := strings.TrimSpace(req.ID)
	if r.kind.owner == "" {
		if id != accountSettingsID {
			resp.Diagnostics.AddError("Invalid import ID", fmt.Sprintf("Import zoom_%s with the ID %q (the configured account).", r.kind.typeName, accountSettingsID))
			return
		}
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
		return
	}
	if id == "" {
		resp.Diagnostics.AddError("Invalid import ID", fmt.Sprintf("Import zoom_%s with the %s.", r.kind.typeName, strings.ReplaceAll(r.kind.owner, "_", " ")))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(r.kind.owner), id)...)
}
