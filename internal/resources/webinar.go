package resources

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/diagnostics"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/zoomevent"
)

var (
	_ resource.Resource                   = (*webinarResource)(nil)
	_ resource.ResourceWithConfigure      = (*webinarResource)(nil)
	_ resource.ResourceWithImportState    = (*webinarResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*webinarResource)(nil)
	_ resource.ResourceWithValidateConfig = (*webinarResource)(nil)
)

// NewWebinar returns the zoom_webinar resource.
func NewWebinar() resource.Resource { return &webinarResource{} }

type webinarResource struct {
	client *client.Client
}

type webinarModel struct {
	zoomevent.WebinarCommon
	zoomevent.ResourceArgs
}

func (r *webinarResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_webinar"
}

func (r *webinarResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "A Zoom webinar (needs the Webinar add-on for the account and a webinar licence for the host). " +
			"Every argument except the host and the template is changed in place with one update request that " +
			"carries only what changed (webinars share the limit of 100 creates and updates per host per day with " +
			"meetings). Settings you do not set follow Zoom and never show a diff; settings you set are enforced, and " +
			"a change in the Zoom portal shows up as drift on exactly that field. A webinar whose time has passed " +
			"stays in state with `status = \"expired\"` and destroys cleanly.",
		Attributes: zoomevent.Webinar.ResourceAttributes(),
	}
}

func (r *webinarResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = diagnostics.Client(req.ProviderData, &resp.Diagnostics)
}

func (r *webinarResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m webinarModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	zoomevent.Webinar.Validate(ctx, &m.EventCommon, &resp.Diagnostics)
	settings := zoomevent.AttrsOf(m.Settings)
	if survey, ok := settings["survey_url"].(types.String); ok && !survey.IsNull() && !survey.IsUnknown() {
		if on, ok := settings["post_webinar_survey"].(types.Bool); ok && !on.IsUnknown() && !on.ValueBool() {
			resp.Diagnostics.AddAttributeError(path.Root("settings").AtName("survey_url"), "Survey address without a survey",
				"survey_url is only used with post_webinar_survey = true.")
		}
	}
}

func (r *webinarResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	// Destroy, or an unchanged webinar: every step below acts only on a new webinar or on a difference between
	// plan and state (a configured passcode equal to the state's is not checked again), so a plan equal to the
	// state is left as it is without decoding plan, configuration and state into models, which Terraform would
	// pay for every unchanged webinar in every plan.
	if req.Plan.Raw.IsNull() || (!req.State.Raw.IsNull() && req.Plan.Raw.Equal(req.State.Raw)) {
		return
	}
	var plan, config, state webinarModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	creating := req.State.Raw.IsNull()
	if !creating {
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	unknown, stop := zoomevent.Webinar.Plan(&plan.EventCommon, &state.EventCommon, &config.EventCommon, creating, &resp.Diagnostics)
	if !stop && !creating {
		zoomevent.MarkUnknown(ctx, resp, unknown)
	}
}

func (r *webinarResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	if !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	var plan, config webinarModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	body, diags := webinarRequest(ctx, &plan, &config, nil)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	host := plan.UserID.ValueString()
	summary := fmt.Sprintf("Error creating Zoom webinar for host %s (zoom_webinar %q)", host, plan.Topic.ValueString())
	if body.TemplateID != nil && strings.Contains(host, "@") {
		// With a template, Zoom wants the host's user ID in the path, not the e-mail (docs/development/zoom-api.md#webinars).
		u, err := r.client.Users.Get(ctx, host)
		if err != nil {
			diagnostics.AddAPIError(&resp.Diagnostics, summary, zoomevent.Webinar.ExplainHost(err, host))
			return
		}
		host = u.ID
	}
	w, err := createOrAdopt(ctx, r.client, host, zoomevent.Webinar.KeyOf(&plan.EventCommon),
		func() (*client.Webinar, error) { return r.client.Webinars.Create(ctx, host, body) },
		r.listEvents(ctx, host),
		func(id int64) (*client.Webinar, error) { return r.client.Webinars.Get(ctx, id, nil) },
		func(w *client.Webinar) int64 { return w.ID },
		&resp.Diagnostics)
	if err != nil {
		if partialEventState(ctx, r.client, "webinar", err, req.Plan, &resp.State, &resp.Diagnostics) {
			return
		}
		diagnostics.AddAPIError(&resp.Diagnostics, summary, zoomevent.Webinar.ExplainAltHosts(explainWebinar(err, plan.UserID.ValueString()), plan.Settings))
		return
	}
	// Settings Zoom only takes on update follow at once and are then read back with GET (webinarUpdate answers
	// with no body). Otherwise the create answer is the state: webinarCreate documents every field webinarGet
	// does, so a GET would only repeat it.
	if updateOnly := new(client.WebinarSettings); zoomevent.Webinar.UpdateOnlySettings(&config.EventCommon, &plan.EventCommon, updateOnly) {
		if err := r.client.Webinars.Update(ctx, w.ID, &client.WebinarRequest{Settings: updateOnly}); err != nil {
			// The webinar exists: keep it in state (tainted by the error) so that it is not orphaned.
			diagnostics.AddAPIError(&resp.Diagnostics, fmt.Sprintf("Error applying the settings of new Zoom webinar %d", w.ID), err)
		}
		if got, err := r.client.Webinars.Get(ctx, w.ID, nil); err == nil {
			keepCreateOnly(&got.RegistrationURL, w.RegistrationURL)
			w = got
		}
	}
	got := plan
	resp.Diagnostics.Append(got.FromAPI(ctx, w)...)
	zoomevent.Webinar.Reconcile(&config.EventCommon, &plan.EventCommon, &got.EventCommon, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &got)...)
}

// explainWebinar says what to do when the webinar add-on is missing, and otherwise what explainHost says.
func explainWebinar(err error, host string) error {
	if client.IsWebinarPlanMissing(err, false) {
		return fmt.Errorf("%w\n\nThe Zoom Webinar add-on is missing: the account needs a Webinar plan, and the host "+
			"%s needs a webinar licence assigned (Zoom portal > User Management > Users > the user > Webinar). "+
			"Nothing was created", err, host)
	}
	return zoomevent.Webinar.ExplainHost(err, host)
}

func (r *webinarResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	readEvent(ctx, r.ops(), req, resp, nil)
}

func (r *webinarResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	if !diagnostics.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	var plan, state, config webinarModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id, ok := eventNumber(&state.EventCommon, "webinar", &resp.Diagnostics)
	if !ok {
		return
	}
	body, diags := webinarRequest(ctx, &plan, &config, &state)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	updateEvent(ctx, r.ops(), id, &plan, &config, &state, body.IsEmpty(),
		func() error { return r.client.Webinars.Update(ctx, id, body) },
		func(err error) error { return explainWebinar(err, state.HostEmail.ValueString()) },
		zoomevent.PlanHasUnknowns(&plan.EventCommon), resp)
}

func (r *webinarResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	deleteEvent(ctx, r.ops(), req, resp, func(id int64, state *webinarModel) error {
		return r.client.Webinars.Delete(ctx, id, &client.DeleteWebinarOptions{CancelWebinarReminder: client.Ptr(state.NotifyOnDestroy.ValueBool())})
	}, func(err error, state *webinarModel) error { return explainWebinar(err, state.HostEmail.ValueString()) })
}

// ImportState accepts a webinar ID.
func (r *webinarResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importEvent(ctx, "webinar", req, resp)
}

// webinarRequest builds the create body (state nil) or the update body (only what changed).
func webinarRequest(ctx context.Context, plan, config, state *webinarModel) (*client.WebinarRequest, diag.Diagnostics) {
	var stateCommon *zoomevent.EventCommon
	if state != nil {
		stateCommon = &state.EventCommon
	}
	fields, diags := zoomevent.Webinar.Request(ctx, &plan.EventCommon, &config.EventCommon, stateCommon, plan.TemplateID)
	if diags.HasError() {
		return nil, diags
	}
	req := &client.WebinarRequest{EventFields: fields}
	if settings := new(client.WebinarSettings); zoomevent.Webinar.SettingsRequest(&config.EventCommon, &plan.EventCommon, stateCommon, settings) {
		req.Settings = settings
	}
	return req, diags
}

// listEvents lists the host's webinars, where the lookups of lost creates search.
func (r *webinarResource) listEvents(ctx context.Context, host string) func() ([]zoomevent.Listed, error) {
	return func() ([]zoomevent.Listed, error) {
		list, err := r.client.Webinars.List(ctx, host, nil)
		out := make([]zoomevent.Listed, len(list))
		for i := range list {
			out[i] = list[i].EventSummary
		}
		return out, err
	}
}

func (m *webinarModel) event() *zoomevent.EventCommon { return &m.EventCommon }
func (m *webinarModel) args() *zoomevent.ResourceArgs { return &m.ResourceArgs }

// ops names the webinar calls and mapping of the shared refresh and update steps.
func (r *webinarResource) ops() eventOps[webinarModel, client.Webinar] {
	return eventOps[webinarModel, client.Webinar]{
		kind:   zoomevent.Webinar,
		client: r.client,
		list:   r.listEvents,
		get: func(ctx context.Context, id int64) (*client.Webinar, error) {
			return r.client.Webinars.Get(ctx, id, nil)
		},
		info: func(w *client.Webinar) *client.Event { return &w.Event },
		fromAPI: func(ctx context.Context, m *webinarModel, e *client.Webinar) diag.Diagnostics {
			return m.FromAPI(ctx, e)
		},
		reconcile: func(config, plan, got *webinarModel, d *diag.Diagnostics) {
			zoomevent.Webinar.Reconcile(&config.EventCommon, &plan.EventCommon, &got.EventCommon, d)
		},
		readError: func(err error, state *webinarModel) error { return explainWebinar(err, state.HostEmail.ValueString()) },
	}
}
