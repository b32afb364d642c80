package resources

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/diagnostics"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/validators"
)

var (
	_ resource.Resource                = (*groupMembersResource)(nil)
	_ resource.ResourceWithConfigure   = (*groupMembersResource)(nil)
	_ resource.ResourceWithImportState = (*groupMembersResource)(nil)
)

// NewGroupMembers returns the zoom_group_members resource.
func NewGroupMembers() resource.Resource { return &groupMembersResource{} }

type groupMembersResource struct {
	client *client.Client
}

// groupMembersModel is the whole member set of one group.
type groupMembersModel struct {
	ID      types.String `tfsdk:"id"`
	GroupID types.String `tfsdk:"group_id"`
	Members types.Set    `tfsdk:"members"`
}

func (r *groupMembersResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_group_members"
}

func (r *groupMembersResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "The whole member set of a Zoom group (authoritative): users added to the group elsewhere are " +
			"removed on the next apply, and users removed elsewhere are added again; both show as drift first. " +
			exclusivityNote + " Adds go to Zoom 30 users a request, removals one user a request. A member deactivated " +
			"or deleted in the Zoom web portal shows as drift, never as an error. Destroying the resource removes every " +
			"member from the group (the users stay in the account).",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed: true, PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
				Description: "The group's ID (same as `group_id`).",
			},
			"group_id": schema.StringAttribute{
				Required: true, Description: "The group's ID. Changing it replaces the resource.",
				Validators:    []validator.String{validators.NotBlank()},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"members": schema.SetAttribute{
				Required: true, ElementType: types.StringType,
				Description: "The members: user IDs or e-mails of the account, in any mix (an empty set empties the " +
					"group). A user written as ID or as e-mail is the same member, and switching between the two changes " +
					"nothing. Members found in Zoom but not listed here appear in the state by e-mail.",
				Validators: []validator.Set{setvalidator.ValueStringsAre(validators.NotBlank())},
			},
		},
	}
}

func (r *groupMembersResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = diagnostics.Client(req.ProviderData, &resp.Diagnostics)
}

// memberMatch pairs written member references with the group's members.
type memberMatch struct {
	kept    []string             // references that name a member, as written
	keptIDs map[string]bool      // the members they name
	missing []string             // references that name no member
	extra   []client.GroupMember // members no reference names
}

// matchMembers pairs refs (user IDs or e-mails) with members: by ID, or by e-mail without regard to case.
func matchMembers(refs []string, members []client.GroupMember) memberMatch {
	byID := make(map[string]*client.GroupMember, len(members))
	byEmail := make(map[string]*client.GroupMember, len(members))
	for i := range members {
		byID[members[i].ID] = &members[i]
		if members[i].Email != "" {
			byEmail[strings.ToLower(members[i].Email)] = &members[i]
		}
	}
	m := memberMatch{keptIDs: map[string]bool{}}
	for _, ref := range refs {
		found := byID[ref]
		if found == nil {
			found = byEmail[strings.ToLower(ref)]
		}
		if found == nil {
			m.missing = append(m.missing, ref)
			continue
		}
		m.kept = append(m.kept, ref)
		m.keptIDs[found.ID] = true
	}
	for _, mem := range members {
		if !m.keptIDs[mem.ID] {
			m.extra = append(m.extra, mem)
		}
	}
	return m
}

// stateMembers is the member set to record: the references that name members, as written, and the members no
// reference names, by e-mail.
func (m memberMatch) stateMembers() types.Set {
	out := append([]string(nil), m.kept...)
	for _, mem := range m.extra {
		if mem.Email != "" {
			out = append(out, mem.Email)
		} else {
			out = append(out, mem.ID)
		}
	}
	sort.Strings(out)
	v, _ := types.SetValueFrom(context.Background(), types.StringType, out)
	return v
}

func setStrings(ctx context.Context, s types.Set, diags *diag.Diagnostics) []string {
	var out []string
	if s.IsNull() || s.IsUnknown() {
		return nil
	}
	diags.Append(s.ElementsAs(ctx, &out, false)...)
	return out
}

// activeMembers lists the group's members without those who are deactivated: a deactivated member is not an
// effective member, whether or not Zoom keeps them in the list (docs/development/zoom-api.md#groups).
func activeMembers(ctx context.Context, c *client.Client, groupID string) ([]client.GroupMember, []client.GroupMember, error) {
	members, err := c.Groups.ListMembers(ctx, groupID)
	if err != nil || len(members) == 0 {
		return members, nil, err
	}
	inactive, err := c.Users.List(ctx, &client.ListUsersOptions{Status: client.UserStatusInactive})
	if err != nil {
		return nil, nil, err
	}
	if len(inactive) == 0 {
		return members, nil, nil
	}
	off := make(map[string]bool, len(inactive))
	for _, u := range inactive {
		off[u.ID] = true
	}
	var active, deactivated []client.GroupMember
	for _, m := range members {
		if off[m.ID] {
			deactivated = append(deactivated, m)
		} else {
			active = append(active, m)
		}
	}
	return active, deactivated, nil
}

func (r *groupMembersResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state groupMembersModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	groupID := state.GroupID.ValueString()
	members, deactivated, err := activeMembers(ctx, r.client, groupID)
	if client.IsGroupNotFound(err) {
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		diagnostics.AddAPIError(&resp.Diagnostics, "Error reading Zoom group members", err)
		return
	}
	refs := setStrings(ctx, state.Members, &resp.Diagnostics)
	m := matchMembers(refs, members)
	if off := matchMembers(m.missing, deactivated); len(off.kept) > 0 {
		sort.Strings(off.kept)
		resp.Diagnostics.AddWarning("Zoom group members deactivated", fmt.Sprintf("These members of group %s are "+
			"deactivated, so Terraform plans to add them again: %s. Reactivate them, or remove them from members.",
			groupID, strings.Join(off.kept, ", ")))
	}
	state.ID = types.StringValue(groupID)
	state.Members = m.stateMembers()
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

// apply makes the group's members the planned set: removals one by one, then adds in batches. It returns the
// state to record (nil when the group cannot be read).
func (r *groupMembersResource) apply(ctx context.Context, plan groupMembersModel, diags *diag.Diagnostics) *groupMembersModel {
	groupID := plan.GroupID.ValueString()
	refs := setStrings(ctx, plan.Members, diags)
	if diags.HasError() {
		return nil
	}
	current, err := r.client.Groups.ListMembers(ctx, groupID)
	if err != nil {
		addUsersError(diags, "Error reading Zoom group members", groupID, err)
		return nil
	}
	m := matchMembers(refs, current)
	for _, mem := range m.extra {
		if err := r.client.Groups.RemoveMember(ctx, groupID, mem.ID); err != nil && !client.IsGroupMemberNotFound(err) {
			diagnostics.AddAPIError(diags, "Error removing Zoom group member "+mem.Email, err)
			out, _ := r.recorded(ctx, groupID, refs, diags)
			return out
		}
	}
	if len(m.missing) > 0 {
		add := make([]client.UserRef, len(m.missing))
		for i, ref := range m.missing {
			add[i] = client.RefTo(ref)
		}
		if _, err := r.client.Groups.AddMembers(ctx, groupID, add); err != nil {
			addUsersError(diags, "Error adding Zoom group members", groupID, err)
			out, _ := r.recorded(ctx, groupID, refs, diags)
			return out
		}
	}
	out, members := r.recorded(ctx, groupID, refs, diags)
	if out != nil && !diags.HasError() {
		if after := matchMembers(refs, members); len(after.missing) > 0 {
			sort.Strings(after.missing)
			diags.AddError("Zoom did not add every member", fmt.Sprintf("Zoom did not add these to group %s: %s. "+
				"They are not users of the account: check members.", groupID, strings.Join(after.missing, ", ")))
		}
	}
	return out
}

// recorded reads the group's members after a change, as the state to record.
func (r *groupMembersResource) recorded(ctx context.Context, groupID string, refs []string, diags *diag.Diagnostics) (*groupMembersModel, []client.GroupMember) {
	members, err := r.client.Groups.ListMembers(ctx, groupID)
	if err != nil {
		diagnostics.AddAPIError(diags, "Error reading Zoom group members", err)
		return nil, nil
	}
	return &groupMembersModel{ID: types.StringValue(groupID), GroupID: types.StringValue(groupID), Members: matchMembers(refs, members).stateMembers()}, members
}

func (r *groupMembersResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan groupMembersModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	if out := r.apply(ctx, plan, &resp.Diagnostics); out != nil {
		resp.Diagnostics.Append(resp.State.Set(ctx, out)...)
	}
}

func (r *groupMembersResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan groupMembersModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	if out := r.apply(ctx, plan, &resp.Diagnostics); out != nil {
		resp.Diagnostics.Append(resp.State.Set(ctx, out)...)
	}
}

func (r *groupMembersResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state groupMembersModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	groupID := state.GroupID.ValueString()
	members, err := r.client.Groups.ListMembers(ctx, groupID)
	if client.IsGroupNotFound(err) {
		return
	}
	if err != nil {
		diagnostics.AddAPIError(&resp.Diagnostics, "Error reading Zoom group members", err)
		return
	}
	for _, mem := range members {
		err := r.client.Groups.RemoveMember(ctx, groupID, mem.ID)
		if err != nil && !client.IsGroupMemberNotFound(err) && !client.IsGroupNotFound(err) {
			diagnostics.AddAPIError(&resp.Diagnostics, "Error removing Zoom group member "+mem.Email, err)
			return
		}
	}
}

// ImportState accepts the group's ID; the members are recorded by e-mail.
func (r *groupMembersResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id := strings.TrimSpace(req.ID)
	if id == "" || strings.Contains(id, "/") {
		resp.Diagnostics.AddError("Invalid import ID", fmt.Sprintf("Import the members of a Zoom group by the group's ID, got %q.", req.ID))
		return
	}
	empty, _ := types.SetValueFrom(ctx, types.StringType, []string{})
	resp.Diagnostics.Append(resp.State.Set(ctx, groupMembersModel{ID: types.StringValue(id), GroupID: types.StringValue(id), Members: empty})...)
}
