package resources

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/diagnostics"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/zoomevent"
)

// The refresh and update steps zoom_meeting and zoom_webinar share; each resource names its kind, its client
// calls and its mapping in an eventOps.

// eventModel is the model of a meeting or webinar resource.
type eventModel[M any] interface {
	*M
	event() *zoomevent.EventCommon
	args() *zoomevent.ResourceArgs
}

// eventOps are one kind's client calls and mapping.
type eventOps[M any, E any] struct {
	kind   zoomevent.Kind
	client *client.Client
	// list lists the host's events, where the lookups of lost creates search.
	list func(ctx context.Context, host string) func() ([]zoomevent.Listed, error)
	// get reads the event; info is the part Zoom reports of meetings and webinars alike.
	get  func(ctx context.Context, id int64) (*E, error)
	info func(*E) *client.Event
	// fromAPI maps an answer onto a model holding the prior values; reconcile settles what is stored after an apply.
	fromAPI   func(ctx context.Context, m *M, e *E) diag.Diagnostics
	reconcile func(config, plan, got *M, d *diag.Diagnostics)
	// readError explains a failed read other than "not found".
	readError func(err error, state *M) error
}

// readEvent is the refresh: an unconfirmed create is settled first; a deleted event leaves the state, an expired
// one stays marked expired; accept may refuse what Zoom holds (adding an error).
func readEvent[M any, E any, P eventModel[M]](ctx context.Context, ops eventOps[M, E], req resource.ReadRequest, resp *resource.ReadResponse, accept func(state P, e *E) bool) {
	if !diagnostics.RequireClient(ops.client, &resp.Diagnostics) {
		return
	}
	state := P(new(M))
	resp.Diagnostics.Append(req.State.Get(ctx, state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if host := state.args().UserID.ValueString(); !settleBeforeRead(ctx, ops.client, ops.kind, state.event(), host,
		ops.list(ctx, host), &resp.State, &resp.Diagnostics) {
		return
	}
	id, ok := eventNumber(state.event(), ops.kind.Noun, &resp.Diagnostics)
	if !ok {
		return
	}
	e, err := ops.get(ctx, id)
	if err != nil {
		switch {
		case !client.IsNotFound(err):
			diagnostics.AddAPIError(&resp.Diagnostics, "Error reading Zoom "+ops.kind.Noun+" "+state.event().ID.ValueString(), ops.readError(err, state))
		case ops.kind.ReadGone(err, state.event(), &resp.Diagnostics):
			resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
		default:
			resp.State.RemoveResource(ctx)
		}
		return
	}
	if accept != nil && !accept(state, e) {
		return
	}
	info := ops.info(e)
	state.args().UserID = zoomevent.HostAfterRead(state.args().UserID, info.HostID, info.HostEmail)
	resp.Diagnostics.Append(ops.fromAPI(ctx, state, e)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

// updateEvent sends an update body when it carries anything (send; explain adds what to do about a refusal);
// with nothing to send and nothing left to learn from Zoom the plan is stored as it is. Otherwise the event is
// read back, mapped onto the plan and reconciled.
func updateEvent[M any, E any, P eventModel[M]](ctx context.Context, ops eventOps[M, E], id int64, plan, config, state P,
	empty bool, send func() error, explain func(error) error, unknowns bool, resp *resource.UpdateResponse) {
	noun := ops.kind.Noun
	if !empty {
		if err := send(); err != nil {
			diagnostics.AddAPIError(&resp.Diagnostics,
				fmt.Sprintf("Error updating Zoom %s %d of host %s", noun, id, state.event().HostEmail.ValueString()),
				ops.kind.ExplainAltHosts(explain(ops.kind.UpdateError(err)), plan.event().Settings))
			return
		}
	} else if !unknowns {
		resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
		return
	}
	e, err := ops.get(ctx, id)
	if err != nil {
		diagnostics.AddAPIError(&resp.Diagnostics, fmt.Sprintf("Error reading Zoom %s %d after updating it", noun, id), err)
		return
	}
	got := *plan
	resp.Diagnostics.Append(ops.fromAPI(ctx, &got, e)...)
	ops.reconcile((*M)(config), (*M)(plan), &got, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &got)...)
}

// deleteEvent is the destroy: an unconfirmed create is settled first; del deletes the event, and what Zoom
// answers is judged by DeleteOutcome (explain adds what to do about a refusal).
func deleteEvent[M any, E any, P eventModel[M]](ctx context.Context, ops eventOps[M, E], req resource.DeleteRequest, resp *resource.DeleteResponse,
	del func(id int64, state P) error, explain func(err error, state P) error) {
	if !diagnostics.RequireClient(ops.client, &resp.Diagnostics) {
		return
	}
	state := P(new(M))
	resp.Diagnostics.Append(req.State.Get(ctx, state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	host := state.args().UserID.ValueString()
	if !settleBeforeDelete(ops.client, ops.kind, state.event(), host, ops.list(ctx, host), &resp.Diagnostics) {
		return
	}
	id, ok := eventNumber(state.event(), ops.kind.Noun, &resp.Diagnostics)
	if !ok {
		return
	}
	ops.kind.DeleteOutcome(del(id, state), id, &resp.Diagnostics, func(err error) error { return explain(err, state) })
}
