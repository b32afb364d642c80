package resources

// Lost answers. A create whose answer never arrives (a dropped connection, a 5xx, an answer cut short) may have
// been carried out by Zoom. The resources then look for what they tried to create after every such attempt, adopt
// it when it is there, and send the create again only when it is not. When even the lookup fails, nothing is
// created twice: users and registrants are adopted by the next apply (Zoom refuses a second user with the same
// e-mail and gives back an existing registration), and meetings and webinars are recorded as unconfirmed, which
// the next refresh resolves.

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/zoomevent"
)

const (
	// maxCreateAttempts bounds how often a create is sent while its answers get lost and Zoom, looked at after
	// each, holds nothing it created.
	maxCreateAttempts = 4
	// maxLookupAttempts bounds how often the lookup after a lost answer is tried (each try already has the
	// client's retries).
	maxLookupAttempts = 3
	// lookupPause is the pause before the second lookup (doubled before the third).
	lookupPause = 250 * time.Millisecond
	// adoptSlack widens the "created since the first attempt" test of the event lookup, for Zoom's clock being
	// read to the second and for the time the request spent in flight.
	adoptSlack = 2 * time.Minute
	// userAdoptWindow is how recently a user with the configured e-mail must have been created to be adopted
	// when Zoom refuses the create because the e-mail is taken: a user an interrupted earlier apply created.
	// An older one was not created by Terraform and must be imported.
	userAdoptWindow = 24 * time.Hour
	// pendingEventID is the ID of a meeting or webinar whose create Zoom may have carried out without the
	// provider being able to check; the next refresh looks for it.
	pendingEventID = "unconfirmed"
)

// adoption describes a create that may be sent more than once.
type adoption[T any] struct {
	// what names the object in messages, e.g. `zoom_user "ann@example.com"`.
	what string
	// create sends the create.
	create func() (T, error)
	// lookup looks for what an earlier attempt created: found is false when Zoom holds nothing to adopt.
	lookup func() (v T, found bool, err error)
	// exists, when set, reports whether a create was refused because the object exists already; lookup then
	// decides whether it is one to adopt.
	exists func(error) bool
	// id names an adopted object in the warning.
	id func(T) string
}

// unconfirmedCreate is a create that Zoom may have carried out when looking for the result failed too.
type unconfirmedCreate struct {
	what      string
	err       error // the create's error
	lookupErr error
	attempts  int
	// next says what the next apply does about it.
	next string
}

func (e *unconfirmedCreate) Error() string {
	return fmt.Sprintf("%v\n\nZoom may have created %s (the answer to %s was lost), and looking for it failed too: %v. %s",
		e.err, e.what, plural(e.attempts, "the create", "each of %d creates"), e.lookupErr, e.next)
}

func (e *unconfirmedCreate) Unwrap() error { return e.err }

// adoptedUnread is a lost create that the lookup found but whose details could not be read.
type adoptedUnread struct {
	id  int64
	err error
}

func (e *adoptedUnread) Error() string {
	return fmt.Sprintf("found the new object (ID %d) but could not read it: %v", e.id, e.err)
}

func (e *adoptedUnread) Unwrap() error { return e.err }

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return fmt.Sprintf(many, n)
}

// createWithAdoption sends a create and, after every attempt Zoom may have carried out, looks for what it
// created: found, it is adopted (with a warning); not found, the create is sent again (at most maxCreateAttempts
// times). Every error that leaves the outcome open says so and what the next apply does.
func createWithAdoption[T any](ctx context.Context, a adoption[T], next string, diags *diag.Diagnostics) (T, error) {
	var zero T
	var lost []string
	for {
		v, err := a.create()
		if err == nil {
			return v, nil
		}
		if a.exists != nil && a.exists(err) {
			got, found, lerr := lookupAgain(ctx, a.lookup)
			switch {
			case lerr != nil:
				// It exists, perhaps created by an interrupted earlier attempt; which, the lookup could not tell.
				return zero, &unconfirmedCreate{what: a.what, err: err, lookupErr: lerr, attempts: len(lost) + 1, next: next}
			case found:
				adoptedWarning(diags, a.what, a.id(got), append(lost, err.Error()))
				return got, nil
			}
			return zero, err
		}
		if !client.IsMaybeProcessed(err) {
			if len(lost) > 0 {
				return zero, fmt.Errorf("%w\n\n(The %s before lost its answer; Zoom had not created %s then, and has not now.)",
					err, plural(len(lost), "attempt", fmt.Sprintf("%d attempts", len(lost))), a.what)
			}
			return zero, err
		}
		lost = append(lost, err.Error())
		got, found, lerr := lookupAgain(ctx, a.lookup)
		switch {
		case lerr != nil:
			return zero, &unconfirmedCreate{what: a.what, err: err, lookupErr: lerr, attempts: len(lost), next: next}
		case found:
			adoptedWarning(diags, a.what, a.id(got), lost)
			return got, nil
		case len(lost) >= maxCreateAttempts:
			return zero, fmt.Errorf("%w\n\nZoom may have processed the request, but it had not: the answer to creating %s "+
				"was lost %d times in a row, and each time looking for it found nothing, so nothing was created. "+
				"Run apply again", err, a.what, len(lost))
		}
		// Zoom did not create it: sending the create again is safe.
	}
}

// lookupAgain runs lookup up to maxLookupAttempts times while it fails.
func lookupAgain[T any](ctx context.Context, lookup func() (T, bool, error)) (T, bool, error) {
	var err error
	for i := 0; i < maxLookupAttempts; i++ {
		if i > 0 {
			t := time.NewTimer(lookupPause << (i - 1))
			select {
			case <-ctx.Done():
				t.Stop()
				var zero T
				return zero, false, fmt.Errorf("%w (after: %v)", ctx.Err(), err)
			case <-t.C:
			}
		}
		var v T
		var found bool
		if v, found, err = lookup(); err == nil {
			return v, found, nil
		}
		var amb *ambiguousAdoption
		if errors.As(err, &amb) || ctx.Err() != nil {
			break
		}
	}
	var zero T
	return zero, false, err
}

func adoptedWarning(diags *diag.Diagnostics, what, id string, lost []string) {
	diags.AddWarning("Adopted "+what+", created by a request whose answer was lost",
		fmt.Sprintf("Zoom's answer to creating %s was lost (%s), but Zoom had created it (ID %s). Terraform manages "+
			"that object now; nothing was created twice.", what, strings.Join(lost, "; "), id))
}

// claims holds, per client (that is, per provider instance, one per Terraform run), the meetings and webinars
// that a resource of this run created or adopted, so that the lookup of another resource with the same topic and
// start never adopts them.
var claims sync.Map // claimKey → struct{}

type claimKey struct {
	c    *client.Client
	kind string
	id   int64
}

func claim(c *client.Client, kind string, id int64) { claims.Store(claimKey{c, kind, id}, struct{}{}) }

func claimed(c *client.Client, kind string, id int64) bool {
	_, ok := claims.Load(claimKey{c, kind, id})
	return ok
}

// ambiguousAdoption is a lookup that found several objects a lost create might have made.
type ambiguousAdoption struct {
	noun, host string
	ids        []int64
}

func (e *ambiguousAdoption) Error() string {
	ids := make([]string, len(e.ids))
	for i, id := range e.ids {
		ids[i] = strconv.FormatInt(id, 10)
	}
	return fmt.Sprintf("several recent %ss of %s match it (%s): delete the duplicates in the Zoom portal and "+
		"import the one to keep", e.noun, e.host, strings.Join(ids, ", "))
}

// findEvents lists the host's events that match k, were created at or after after (Zoom's clock) and are not
// claimed in this run.
func findEvents(c *client.Client, k zoomevent.Key, after time.Time, listed []zoomevent.Listed) []int64 {
	return k.Find(after, listed, func(id int64) bool { return claimed(c, k.Noun, id) })
}

// createOrAdopt creates a meeting or webinar. After every attempt Zoom may have carried out, it looks among the
// host's events for one with the same topic, type and start created since the first attempt and not taken by
// another resource of this run, and adopts it; with none it sends the create again; with several it stops and
// names them. It returns *unconfirmedCreate when the lookup keeps failing (the caller records the event as
// unconfirmed) and *adoptedUnread when the event was found but could not be read.
func createOrAdopt[T any](ctx context.Context, c *client.Client, host string, k zoomevent.Key, create func() (T, error),
	list func() ([]zoomevent.Listed, error), get func(int64) (T, error), idOf func(T) int64, diags *diag.Diagnostics) (T, error) {
	var zero T
	started := time.Now()
	what := zoomevent.What(k.Noun, k.Topic, host)
	v, err := createWithAdoption(ctx, adoption[T]{
		what:   what,
		create: create,
		lookup: func() (T, bool, error) {
			listed, err := list()
			if err != nil {
				return zero, false, err
			}
			// Zoom's clock as of the first attempt, from its answers, so that the local clock does not matter.
			after := c.ServerNow().Add(-time.Since(started) - adoptSlack)
			ids := findEvents(c, k, after, listed)
			switch len(ids) {
			case 0:
				return zero, false, nil
			case 1:
				got, err := get(ids[0])
				if err != nil {
					return zero, false, &adoptedUnread{id: ids[0], err: err}
				}
				return got, true, nil
			default:
				return zero, false, &ambiguousAdoption{noun: k.Noun, host: host, ids: ids}
			}
		},
		id: func(v T) string { return strconv.FormatInt(idOf(v), 10) },
	}, "The "+k.Noun+" is recorded in the state as unconfirmed: the next refresh (plan or apply) looks for it "+
		"again and adopts it, or plans to create it if Zoom had not.", diags)
	if err == nil {
		claim(c, k.Noun, idOf(v))
	}
	var au *adoptedUnread
	if errors.As(err, &au) {
		claim(c, k.Noun, au.id)
	}
	return v, err
}

// partialEventState saves what is known of a meeting or webinar whose create ended without a definite answer
// or whose details could not be read back, instead of failing: an error would taint it and the next apply would
// replace it. The planned values are stored (unknown ones as null) with the event's ID, or with pendingEventID
// when Zoom may have created it and the lookup could not tell; the next refresh fills the rest in. It reports
// whether err was such a case.
func partialEventState(ctx context.Context, c *client.Client, noun string, err error, plan tfsdk.Plan, state *tfsdk.State, diags *diag.Diagnostics) bool {
	var au *adoptedUnread
	var uc *unconfirmedCreate
	var id, detail string
	switch {
	case errors.As(err, &au):
		id = strconv.FormatInt(au.id, 10)
		detail = fmt.Sprintf("Zoom created the %s (ID %s) but reading it back failed: %v. It is saved in the state with "+
			"what is known; the next refresh reads the rest.", noun, id, au.err)
	case errors.As(err, &uc):
		id = pendingEventID
		detail = uc.Error()
	default:
		return false
	}
	saveKnownPlan(ctx, plan, state, id, diags)
	if id == pendingEventID {
		// The lookup of the next refresh only considers events created since the first attempt.
		since := c.ServerNow().Add(-adoptSlack - 10*time.Minute).UTC().Format(time.RFC3339)
		diags.Append(state.SetAttribute(ctx, path.Root("created_at"), since)...)
	}
	diags.AddWarning(fmt.Sprintf("Zoom %s saved with what is known", noun), detail)
	return true
}

// isPendingEvent reports whether m is a meeting or webinar recorded as unconfirmed.
func isPendingEvent(m *zoomevent.EventCommon) bool { return m.ID.ValueString() == pendingEventID }

// resolvePendingEvent looks for the meeting or webinar an unconfirmed create may have made. It sets m.ID and
// returns found = true when there is exactly one; found = false with no error when Zoom holds none (it was not
// created).
func resolvePendingEvent(c *client.Client, k zoomevent.Key, host string, m *zoomevent.EventCommon, list func() ([]zoomevent.Listed, error)) (found bool, err error) {
	after, perr := time.Parse(time.RFC3339, m.CreatedAt.ValueString())
	if perr != nil {
		after = time.Time{}
	}
	listed, err := list()
	if err != nil {
		return false, err
	}
	ids := findEvents(c, k, after, listed)
	switch len(ids) {
	case 0:
		return false, nil
	case 1:
		claim(c, k.Noun, ids[0])
		m.ID = types.StringValue(strconv.FormatInt(ids[0], 10))
		return true, nil
	default:
		return false, &ambiguousAdoption{noun: k.Noun, host: host, ids: ids}
	}
}

// settlePendingEvent resolves an unconfirmed meeting or webinar before it is read or deleted: found means m.ID
// now names it; otherwise keep says whether the state must stay as it is (the lookup failed: a warning was
// added) or the event was never created (the caller forgets it).
func settlePendingEvent(c *client.Client, kind zoomevent.Kind, m *zoomevent.EventCommon, host string,
	list func() ([]zoomevent.Listed, error), diags *diag.Diagnostics) (found, keep bool) {
	k := kind.KeyOf(m)
	found, err := resolvePendingEvent(c, k, host, m, list)
	switch {
	case err != nil:
		diags.AddWarning(fmt.Sprintf("Unconfirmed %s not resolved yet", zoomevent.What(k.Noun, k.Topic, host)),
			fmt.Sprintf("An earlier apply could not tell whether Zoom created it, and looking for it failed again: %v. "+
				"It stays recorded as unconfirmed until a refresh can look.", err))
		return false, true
	case found:
		diags.AddWarning(fmt.Sprintf("Adopted %s", zoomevent.What(k.Noun, k.Topic, host)),
			fmt.Sprintf("An earlier apply could not tell whether Zoom created it; Zoom had (ID %s), and Terraform "+
				"manages it now.", m.ID.ValueString()))
		return true, false
	}
	return false, false
}

// settleBeforeRead resolves an unconfirmed meeting or webinar before refresh. It reports whether there is an
// event to read; when Zoom never created it, the event is removed from the state (the next apply creates it).
func settleBeforeRead(ctx context.Context, c *client.Client, k zoomevent.Kind, m *zoomevent.EventCommon, host string,
	list func() ([]zoomevent.Listed, error), state *tfsdk.State, diags *diag.Diagnostics) bool {
	if !isPendingEvent(m) {
		return true
	}
	found, keep := settlePendingEvent(c, k, m, host, list, diags)
	if !found && !keep {
		state.RemoveResource(ctx)
	}
	return found
}

// settleBeforeDelete resolves an unconfirmed meeting or webinar before destroy. It reports whether there is an
// event to delete: false when Zoom never created it, or (with an error) when Zoom could not be asked.
func settleBeforeDelete(c *client.Client, k zoomevent.Kind, m *zoomevent.EventCommon, host string,
	list func() ([]zoomevent.Listed, error), diags *diag.Diagnostics) bool {
	if !isPendingEvent(m) {
		return true
	}
	found, keep := settlePendingEvent(c, k, m, host, list, diags)
	if keep {
		noun := k.Noun
		diags.AddError("Cannot destroy an unconfirmed "+zoomevent.What(noun, m.Topic.ValueString(), host),
			"Zoom could not be asked whether the "+noun+" exists; run destroy again.")
	}
	return found
}

// saveKnownPlan stores the planned values, unknown ones as null, with the given ID: what is known of an object
// that exists but could not be read back. The next refresh fills the rest in; the configured values are already
// there, so it brings no diff.
func saveKnownPlan(ctx context.Context, plan tfsdk.Plan, state *tfsdk.State, id string, diags *diag.Diagnostics) {
	raw, err := tftypes.Transform(plan.Raw, func(_ *tftypes.AttributePath, v tftypes.Value) (tftypes.Value, error) {
		if !v.IsKnown() {
			return tftypes.NewValue(v.Type(), nil), nil
		}
		return v, nil
	})
	if err != nil {
		diags.AddError("Cannot save what is known of the new object", err.Error())
		return
	}
	state.Raw = raw
	diags.Append(state.SetAttribute(ctx, path.Root("id"), id)...)
}
