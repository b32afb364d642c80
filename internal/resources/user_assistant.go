package resources

import (
	"context"
	"fmt"
	"strings"

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
)

var (
	_ resource.Resource                = (*userAssistantResource)(nil)
	_ resource.ResourceWithConfigure   = (*userAssistantResource)(nil)
	_ resource.ResourceWithImportState = (*userAssistantResource)(nil)
)

// NewUserAssistant returns the zoom_user_assistant resource.
func NewUserAssistant() resource.Resource { return &userAssistantResource{} }

type userAssistantResource struct {
	client *client.Client
}

type userAssistantModel struct {
	ID              types.String `tfsdk:"id"`
	UserID          types.String `tfsdk:"user_id"`
	AssistantID     types.String `tfsdk:"assistant_id"`
	AssistantUserID types.String `tfsdk:"assistant_user_id"`
	AssistantEmail  types.String `tfsdk:"assistant_email"`
}

func (r *userAssistantResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_user_assistant"
}

func (r *userAssistantResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		Description: "A scheduling assistant of a user: the assistant may schedule meetings for the user (and act as " +
			"an alternative host when the account allows co-hosts). Both users must be licensed users of a paid " +
			"account. Other assistants of the user are left alone. An assistant removed or deleted outside Terraform " +
			"shows as drift and the next apply adds them again.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, PlanModifiers: []planmodifier.String{keepUnless("user_id", "assistant_id")},
				Description: "`<user_id>/<assistant_id>`."},
			"user_id": schema.StringAttribute{
				Required:    true,
				Description: "The user who gives the scheduling privilege: a user ID or e-mail. Changing it replaces the resource (another letter case of an e-mail does not).",
				Validators:  []validator.String{validators.NotBlank()},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplaceIf(otherMailbox,
					"Changing the user replaces the resource.", "Changing the user replaces the resource.")},
			},
			"assistant_id":      userRefAttribute("The assistant.", "assistant_user_id", "assistant_email", "the assistant"),
			"assistant_user_id": schema.StringAttribute{Computed: true, PlanModifiers: keep, Description: "User ID of the assistant."},
			"assistant_email":   schema.StringAttribute{Computed: true, PlanModifiers: keep, Description: "E-mail address of the assistant."},
		},
	}
}

func (r *userAssistantResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = diagnostics.Client(req.ProviderData, &resp.Diagnostics)
}

// lookup finds the assistant among the user's assistants and records them; false when they are not one.
func (r *userAssistantResource) lookup(ctx context.Context, m *userAssistantModel) (bool, error) {
	list, err := r.client.Users.ListAssistants(ctx, m.UserID.ValueString())
	if err != nil {
		return false, err
	}
	ref := m.AssistantUserID.ValueString()
	if ref == "" {
		ref = m.AssistantID.ValueString()
	}
	for _, a := range list {
		if matchesUser(ref, a.ID, a.Email) {
			m.AssistantUserID = types.StringValue(a.ID)
			m.AssistantEmail = tfvalue.StringOrNull(a.Email)
			if !matchesUser(m.AssistantID.ValueString(), a.ID, a.Email) {
				m.AssistantID = types.StringValue(a.ID)
			}
			m.ID = types.StringValue(m.UserID.ValueString() + "/" + m.AssistantID.ValueString())
			return true, nil
		}
	}
	return false, nil
}

func (r *userAssistantResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	if !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	var plan userAssistantModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	user, assistant := plan.UserID.ValueString(), plan.AssistantID.ValueString()
	err := r.client.Users.AddAssistants(ctx, user, []client.UserRef{client.RefTo(assistant)})
	if err != nil && !client.IsAssistantAlreadyAdded(err) {
		diagnostics.AddAPIError(&resp.Diagnostics, fmt.Sprintf("Error adding %s as assistant of Zoom user %s", assistant, user), err)
		return
	}
	plan.AssistantUserID, plan.AssistantEmail = types.StringNull(), types.StringNull()
	ok, err := r.lookup(ctx, &plan)
	if err != nil {
		diagnostics.AddAPIError(&resp.Diagnostics, "Error reading the assistants of Zoom user "+user, err)
		return
	}
	if !ok {
		resp.Diagnostics.AddError("Assistant not added", fmt.Sprintf("Zoom accepted %s as assistant of %s, but "+
			"does not list them.", assistant, user))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *userAssistantResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	if !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	var state userAssistantModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ok, err := r.lookup(ctx, &state)
	if err != nil && !client.IsNotFound(err) {
		diagnostics.AddAPIError(&resp.Diagnostics, "Error reading the assistants of Zoom user "+state.UserID.ValueString(), err)
		return
	}
	if !ok {
		resp.State.RemoveResource(ctx)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// Update only records another spelling of the same users.
func (r *userAssistantResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state userAssistantModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	plan.AssistantUserID, plan.AssistantEmail = state.AssistantUserID, state.AssistantEmail
	plan.ID = types.StringValue(plan.UserID.ValueString() + "/" + plan.AssistantID.ValueString())
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *userAssistantResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	if !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	var state userAssistantModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	err := r.client.Users.DeleteAssistant(ctx, state.UserID.ValueString(), state.AssistantUserID.ValueString())
	if err != nil && !client.IsNotFound(err) {
		diagnostics.AddAPIError(&resp.Diagnostics, "Error removing Zoom user assistant "+state.ID.ValueString(), err)
	}
}

// ImportState accepts `<user_id>/<assistant_id>` (IDs or e-mails).
func (r *userAssistantResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	user, assistant, ok := splitPair(req.ID)
	if !ok {
		resp.Diagnostics.AddError("Invalid user assistant ID",
			fmt.Sprintf("A user assistant is imported as <user_id>/<assistant_id> (IDs or e-mails), not %q.", strings.TrimSpace(req.ID)))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), user+"/"+assistant)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("user_id"), user)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("assistant_id"), assistant)...)
}
