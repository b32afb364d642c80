package resources

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/diagnostics"
)

var (
	_ resource.Resource                = (*trackingFieldResource)(nil)
	_ resource.ResourceWithConfigure   = (*trackingFieldResource)(nil)
	_ resource.ResourceWithImportState = (*trackingFieldResource)(nil)
)

// NewTrackingField returns the zoom_tracking_field resource.
func NewTrackingField() resource.Resource { return &trackingFieldResource{} }

type trackingFieldResource struct {
	client *client.Client
}

// trackingFieldModel is one tracking field of the account (docs/development/zoom-api.md#tracking-fields).
type trackingFieldModel struct {
	ID                types.String `tfsdk:"id"`
	Field             types.String `tfsdk:"field"`
	Required          types.Bool   `tfsdk:"required"`
	Visible           types.Bool   `tfsdk:"visible"`
	RecommendedValues types.List   `tfsdk:"recommended_values"`
}

func (r *trackingFieldResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_tracking_field"
}

func (r *trackingFieldResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "A tracking field of the Zoom account: a label that meetings and webinars carry a value for " +
			"(their `tracking_fields`), optionally required on every meeting and webinar and with recommended " +
			"values. Tracking fields need a Business, Education, API or higher plan. Meetings and webinars refer to " +
			"a tracking field by its label: `tracking_fields = [{ field = zoom_tracking_field.cost_centre.field, " +
			"value = \"R&D\" }]`.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed: true, Description: "Zoom's ID of the tracking field.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"field": schema.StringAttribute{
				Required: true,
				Description: "The label of the field, which meetings and webinars use in their `tracking_fields`. " +
					"Changing it renames the field in place.",
				Validators: []validator.String{stringvalidator.RegexMatches(nonBlank, "must not be empty or only spaces")},
			},
			"required": schema.BoolAttribute{
				Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				Description: "Whether every meeting and webinar of the account must carry a value for the field. " +
					"Zoom then refuses to create or change a meeting or webinar whose `tracking_fields` lack it. " +
					"Default `false`.",
			},
			"visible": schema.BoolAttribute{
				Optional: true, Computed: true, Default: booldefault.StaticBool(true),
				Description: "Whether the field is shown in the scheduling options of the Zoom web portal. Default `true`.",
			},
			"recommended_values": schema.ListAttribute{
				Optional: true, Computed: true, ElementType: types.StringType,
				Default: listdefault.StaticValue(types.ListValueMust(types.StringType, []attr.Value{})),
				Description: "The values the scheduling options offer for the field, in this order. Meetings and " +
					"webinars may still carry other values. Default: none.",
				Validators: []validator.List{
					listvalidator.ValueStringsAre(stringvalidator.RegexMatches(nonBlank, "must not be empty or only spaces")),
					listvalidator.UniqueValues(),
				},
			},
		},
	}
}

// nonBlank matches a text with at least one character that is not white space.
var nonBlank = regexp.MustCompile(`\S`)

func (r *trackingFieldResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = diagnostics.Client(req.ProviderData, &resp.Diagnostics)
}

// fromAPI copies Zoom's view of the field into m.
func (m *trackingFieldModel) fromAPI(f *client.AccountTrackingField) {
	m.ID = types.StringValue(f.ID)
	m.Field = types.StringValue(f.Field)
	m.Required = types.BoolValue(f.Required)
	m.Visible = types.BoolValue(f.Visible)
	vals := make([]attr.Value, 0, len(f.RecommendedValues))
	for _, v := range f.RecommendedValues {
		vals = append(vals, types.StringValue(v))
	}
	m.RecommendedValues = types.ListValueMust(types.StringType, vals)
}

func stringsOf(l types.List) []string {
	out := []string{}
	for _, e := range l.Elements() {
		if s, ok := e.(types.String); ok {
			out = append(out, s.ValueString())
		}
	}
	return out
}

// request builds the body that turns state (nil on create) into plan: every field on create, only the changed
// ones on update.
func (m *trackingFieldModel) request(state *trackingFieldModel) *client.TrackingFieldRequest {
	req := &client.TrackingFieldRequest{}
	if state == nil || !m.Field.Equal(state.Field) {
		req.Field = client.Ptr(m.Field.ValueString())
	}
	if state == nil || !m.Required.Equal(state.Required) {
		req.Required = client.Ptr(m.Required.ValueBool())
	}
	if state == nil || !m.Visible.Equal(state.Visible) {
		req.Visible = client.Ptr(m.Visible.ValueBool())
	}
	if vals := stringsOf(m.RecommendedValues); state == nil || !slices.Equal(vals, stringsOf(state.RecommendedValues)) {
		req.RecommendedValues = &vals
	}
	return req
}

func (r *trackingFieldResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	if !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	var plan trackingFieldModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	label := plan.Field.ValueString()
	body := plan.request(nil)
	f, err := createWithAdoption(ctx, adoption[*client.AccountTrackingField]{
		what:   fmt.Sprintf("zoom_tracking_field %q", label),
		create: func() (*client.AccountTrackingField, error) { return r.client.TrackingFields.Create(ctx, body) },
		lookup: func() (*client.AccountTrackingField, bool, error) { return r.findByLabel(ctx, label) },
		id:     func(f *client.AccountTrackingField) string { return f.ID },
	}, "Run apply again: it adopts the field if Zoom created it, and creates it otherwise.", &resp.Diagnostics)
	if err == nil {
		// An adopted field is brought to the configuration (a create that got through already is).
		var got trackingFieldModel
		got.fromAPI(f)
		if upd := plan.request(&got); upd.Field != nil || upd.Required != nil || upd.Visible != nil || upd.RecommendedValues != nil {
			if err = r.client.TrackingFields.Update(ctx, f.ID, upd); err == nil {
				f, err = r.client.TrackingFields.Get(ctx, f.ID)
			}
		}
	}
	if err != nil {
		diagnostics.AddAPIError(&resp.Diagnostics, fmt.Sprintf("Error creating Zoom tracking field %q", label), err)
		return
	}
	plan.fromAPI(f)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// findByLabel looks for the account's tracking field with this label (after a create whose answer was lost).
// Several fields with the label are an error: which one the lost create made cannot be told.
func (r *trackingFieldResource) findByLabel(ctx context.Context, label string) (*client.AccountTrackingField, bool, error) {
	all, err := r.client.TrackingFields.List(ctx)
	if err != nil {
		return nil, false, err
	}
	var found []client.AccountTrackingField
	for _, f := range all {
		if f.Field == label {
			found = append(found, f)
		}
	}
	switch len(found) {
	case 0:
		return nil, false, nil
	case 1:
		return &found[0], true, nil
	}
	return nil, false, fmt.Errorf("the account has %d tracking fields labelled %q; delete the extra ones in the Zoom "+
		"web portal, then import the remaining one", len(found), label)
}

func (r *trackingFieldResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	if !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	var state trackingFieldModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	f, err := r.client.TrackingFields.Get(ctx, state.ID.ValueString())
	if err != nil {
		if client.IsTrackingFieldNotFound(err) {
			resp.State.RemoveResource(ctx)
			return
		}
		diagnostics.AddAPIError(&resp.Diagnostics, "Error reading Zoom tracking field "+state.ID.ValueString(), err)
		return
	}
	state.fromAPI(f)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *trackingFieldResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	if !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	var plan, state trackingFieldModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	if err := r.client.TrackingFields.Update(ctx, id, plan.request(&state)); err != nil {
		if client.IsTrackingFieldNotFound(err) {
			err = fmt.Errorf("%w\n\nThe tracking field was deleted outside Terraform since the last refresh; run "+
				"plan again, and the next apply creates it again", err)
		}
		diagnostics.AddAPIError(&resp.Diagnostics, "Error updating Zoom tracking field "+id, err)
		return
	}
	f, err := r.client.TrackingFields.Get(ctx, id)
	if err != nil {
		diagnostics.AddAPIError(&resp.Diagnostics, "Error reading Zoom tracking field "+id+" after updating it", err)
		return
	}
	plan.fromAPI(f)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *trackingFieldResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	if !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	var state trackingFieldModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.client.TrackingFields.Delete(ctx, state.ID.ValueString()); err != nil && !client.IsTrackingFieldNotFound(err) {
		diagnostics.AddAPIError(&resp.Diagnostics, "Error deleting Zoom tracking field "+state.ID.ValueString(), err)
	}
}

// ImportState accepts the field's ID or, when no field has that ID, its label.
func (r *trackingFieldResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id := strings.TrimSpace(req.ID)
	if id == "" {
		resp.Diagnostics.AddError("Invalid import ID", "Import a Zoom tracking field by its ID or its label (field).")
		return
	}
	if !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	_, err := r.client.TrackingFields.Get(ctx, id)
	if client.IsTrackingFieldNotFound(err) {
		all, lerr := r.client.TrackingFields.List(ctx)
		if lerr != nil {
			diagnostics.AddAPIError(&resp.Diagnostics, "Error listing Zoom tracking fields", lerr)
			return
		}
		var ids []string
		for _, f := range all {
			if f.Field == req.ID {
				ids = append(ids, f.ID)
			}
		}
		switch len(ids) {
		case 0:
			resp.Diagnostics.AddError("Tracking field not found",
				fmt.Sprintf("The Zoom account has no tracking field with the ID or the label %q.", req.ID))
			return
		case 1:
			id = ids[0]
		default:
			resp.Diagnostics.AddError("Ambiguous tracking field label",
				fmt.Sprintf("The Zoom account has %d tracking fields labelled %q (IDs %s); import one by its ID.",
					len(ids), req.ID, strings.Join(ids, ", ")))
			return
		}
	} else if err != nil {
		diagnostics.AddAPIError(&resp.Diagnostics, "Error reading Zoom tracking field "+id, err)
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
}
