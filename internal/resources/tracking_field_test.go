package resources_test

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

const trackingFieldAddr = "zoom_tracking_field.test"

// testRequired is what the tests set `required` to where they make a field required: true against the sandbox;
// false against a real account, where a required field would make every other test's meetings fail while it exists.
var testRequired = !acctest.RealAccount()

func init() {
	resource.AddTestSweepers("zoom_tracking_field", &resource.Sweeper{
		Name: "zoom_tracking_field",
		F: func(_ string) error {
			c, err := acctest.RealClient()
			if err != nil {
				return err
			}
			ctx := context.Background()
			fields, err := c.TrackingFields.List(ctx)
			if err != nil {
				return err
			}
			for _, f := range fields {
				if strings.HasPrefix(f.Field, acctest.NamePrefix) {
					if err := c.TrackingFields.Delete(ctx, f.ID); err != nil && !client.IsTrackingFieldNotFound(err) {
						return err
					}
				}
			}
			return nil
		},
	})
}

// trackingFieldConfig is one zoom_tracking_field with the given body.
func trackingFieldConfig(env *acctest.Env, body string) string {
	return env.Config(fmt.Sprintf("resource \"zoom_tracking_field\" \"test\" {\n%s}\n", body))
}

// checkTrackingFieldsDestroyed verifies that no tracking field of the state is left in the account.
func checkTrackingFieldsDestroyed(env *acctest.Env) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		all, err := env.Client.TrackingFields.List(acctest.Ctx())
		if err != nil {
			return err
		}
		for _, rs := range s.RootModule().Resources {
			if rs.Type != "zoom_tracking_field" {
				continue
			}
			for _, f := range all {
				if f.ID == rs.Primary.ID {
					return fmt.Errorf("tracking field %s (%q) still exists after destroy", f.ID, f.Field)
				}
			}
		}
		return nil
	}
}

// trackingFieldRef remembers the field's ID for PreConfig functions.
type trackingFieldRef struct{ id string }

func (r *trackingFieldRef) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	if req.State == nil || req.State.Values == nil || req.State.Values.RootModule == nil {
		resp.Error = fmt.Errorf("%s not in state", trackingFieldAddr)
		return
	}
	for _, res := range req.State.Values.RootModule.Resources {
		if res.Address == trackingFieldAddr {
			r.id, _ = res.AttributeValues["id"].(string)
			return
		}
	}
	resp.Error = fmt.Errorf("%s not in state", trackingFieldAddr)
}

// zoomField checks the account's copy of the field.
func zoomField(env *acctest.Env, ref *trackingFieldRef, want func(*client.AccountTrackingField) error) apiCheck {
	return apiCheck(func() error {
		f, err := env.Client.TrackingFields.Get(acctest.Ctx(), ref.id)
		if err != nil {
			return err
		}
		return want(f)
	})
}

// TestAccTrackingField_lifecycle runs, in one TestCase and one configuration, the tracking field scenarios below
// (several scenarios per step; each TestCase and step costs terraform processes, resources in a configuration
// barely do).
//
// Lifecycle (zoom_tracking_field.test): bad input refused at plan time; a field created with ordered recommended
// values, changed in place (label, order, flags) and removed on destroy. Beside it, in the update step,
// zoom_tracking_field.drift is changed in the portal (drift on exactly those attributes, put back in place) and
// zoom_tracking_field.gone is deleted in the portal and created again.
//
// Data source (provider zoomds, an account of its own): zoom_tracking_fields lists the account's fields, all of
// them and one by label. Its fields are imported too, one by ID and one by label (into copies, see importCopies).
//
// Events (sandbox only; providers zoomrefuse and zoomignore, one per setting of the sandbox knob
// tracking_field_required): a required tracking field and a meeting and a webinar that carry it are created in one
// apply (the events refer to the field); a meeting without it then gets Zoom's refusal, explained, under the
// sandbox's default; where Zoom would accept such a meeting, it is created.
func TestAccTrackingField_lifecycle(t *testing.T) {
	env := acctest.New(t)
	ds := acctest.New(t)
	sandboxed := !acctest.RealAccount()
	var refuse, ignore *acctest.Env
	if sandboxed {
		refuse = acctest.New(t, func(p *sandbox.Profile) { p.TrackingFieldRequired = sandbox.TrackingRequiredRefuse })
		ignore = acctest.New(t, func(p *sandbox.Profile) { p.TrackingFieldRequired = sandbox.TrackingRequiredIgnore })
	}
	label, label2, goneLabel := acctest.RandomName()+" cost centre", acctest.RandomName()+" department", acctest.RandomName()+" region"
	driftLabel := acctest.RandomName() + " team"
	ref, driftRef := &trackingFieldRef{}, &trackingFieldRef{}
	var goneID string
	// The ID of zoom_tracking_field.gone before and after its re-creation: another field.
	goneIDs := statecheck.CompareValue(compare.ValuesDiffer())
	values := func(v ...string) knownvalue.Check {
		checks := make([]knownvalue.Check, len(v))
		for i, s := range v {
			checks[i] = knownvalue.StringExact(s)
		}
		return knownvalue.ListExact(checks)
	}

	// Data source.
	dsA, dsB := acctest.RandomName()+"-a", acctest.RandomName()+"-b"
	dsBody := ds.ProviderBlock("zoomds") + fmt.Sprintf(`
resource "zoom_tracking_field" "a" {
  provider           = zoomds
  field              = %q
  required           = %t
  recommended_values = ["z", "y"]
}
resource "zoom_tracking_field" "b" {
  provider   = zoomds
  field      = %q
  visible    = false
  depends_on = [zoom_tracking_field.a] # a known order: the sandbox lists fields in creation order
}
data "zoom_tracking_fields" "all" {
  provider   = zoomds
  depends_on = [zoom_tracking_field.a, zoom_tracking_field.b]
}
data "zoom_tracking_fields" "one" {
  provider = zoomds
  field    = zoom_tracking_field.b.field
}
`, dsA, testRequired, dsB)
	dsChecks := []statecheck.StateCheck{
		statecheck.CompareValuePairs("data.zoom_tracking_fields.one", tfjsonpath.New("tracking_fields").AtSliceIndex(0).AtMapKey("id"),
			"zoom_tracking_field.b", tfjsonpath.New("id"), compare.ValuesSame()),
		statecheck.ExpectKnownValue("data.zoom_tracking_fields.one", tfjsonpath.New("tracking_fields"), knownvalue.ListSizeExact(1)),
	}
	if sandboxed {
		// The sandbox account holds only these two fields (a real account may hold others).
		dsChecks = append(dsChecks, statecheck.ExpectKnownValue("data.zoom_tracking_fields.all", tfjsonpath.New("tracking_fields"), knownvalue.ListExact([]knownvalue.Check{
			knownvalue.ObjectPartial(map[string]knownvalue.Check{"field": knownvalue.StringExact(dsA), "required": knownvalue.Bool(testRequired),
				"visible": knownvalue.Bool(true), "recommended_values": knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringExact("z"), knownvalue.StringExact("y")})}),
			knownvalue.ObjectPartial(map[string]knownvalue.Check{"field": knownvalue.StringExact(dsB), "visible": knownvalue.Bool(false)}),
		})))
	}

	// Events: base is the field, meeting and webinar of one setting; untracked the meeting without the field.
	events := map[string]*acctest.Env{"refuse": refuse, "ignore": ignore}
	eventLabel := map[string]string{"refuse": acctest.RandomName() + " cost centre", "ignore": acctest.RandomName() + " cost centre"}
	start := zoomUTC(futureUTC(50 * time.Hour))
	base := func(knob string) string {
		return events[knob].ProviderBlock("zoom"+knob) + fmt.Sprintf(`
resource "zoom_tracking_field" "cc_%[4]s" {
  provider           = zoom%[4]s
  field              = %[1]q
  required           = true
  recommended_values = ["R&D", "Sales"]
}
resource "zoom_meeting" "m_%[4]s" {
  provider        = zoom%[4]s
  user_id         = %[2]q
  topic           = "tf-acc-tracked"
  start_time      = %[3]q
  tracking_fields = [{ field = zoom_tracking_field.cc_%[4]s.field, value = "R&D" }]
}
resource "zoom_webinar" "w_%[4]s" {
  provider        = zoom%[4]s
  user_id         = %[2]q
  topic           = "tf-acc-tracked"
  start_time      = %[3]q
  tracking_fields = [{ field = zoom_tracking_field.cc_%[4]s.field, value = "Sales" }]
}
`, eventLabel[knob], events[knob].Host, start, knob)
	}
	untracked := func(knob string) string {
		return fmt.Sprintf(`
resource "zoom_meeting" "untracked_%[3]s" {
  provider   = zoom%[3]s
  user_id    = %[1]q
  topic      = "tf-acc-untracked"
  start_time = %[2]q
  depends_on = [zoom_tracking_field.cc_%[3]s]
}
`, events[knob].Host, start, knob)
	}
	var eventChecks []statecheck.StateCheck
	for _, knob := range []string{"refuse", "ignore"} {
		eventChecks = append(eventChecks,
			statecheck.ExpectKnownValue("zoom_meeting.m_"+knob, tfjsonpath.New("tracking_fields"), knownvalue.ListExact([]knownvalue.Check{
				knownvalue.ObjectExact(map[string]knownvalue.Check{"field": knownvalue.StringExact(eventLabel[knob]), "value": knownvalue.StringExact("R&D")}),
			})),
			statecheck.ExpectKnownValue("zoom_webinar.w_"+knob, tfjsonpath.New("tracking_fields"), knownvalue.ListExact([]knownvalue.Check{
				knownvalue.ObjectExact(map[string]knownvalue.Check{"field": knownvalue.StringExact(eventLabel[knob]), "value": knownvalue.StringExact("Sales")}),
			})))
	}
	// config is the lifecycle's field with body, next to the data source scenario and (on the sandbox) the events
	// of both settings, the ignoring one with the untracked meeting when withUntracked.
	config := func(body string, withUntracked bool) string {
		c := trackingFieldConfig(env, body) + fmt.Sprintf(`
resource "zoom_tracking_field" "gone" {
  field              = %q
  required           = %t
  recommended_values = ["North", "South"]
}

resource "zoom_tracking_field" "drift" {
  field              = %q
  recommended_values = ["Admin", "R&D"]
}
`, goneLabel, testRequired, driftLabel) + dsBody
		if sandboxed {
			c += base("refuse") + base("ignore")
			if withUntracked {
				c += untracked("ignore")
			}
		}
		return c
	}

	created := config(fmt.Sprintf(`  field              = %q
  visible            = false
  recommended_values = ["R&D", "Marketing", "Admin"]
`, label), false)
	updatedBody := fmt.Sprintf(`  field              = %q
  required           = %t
  recommended_values = ["Admin", "R&D"]
`, label2, testRequired)
	updated := config(updatedBody, true)
	// Import, by ID and by label: copies of the data source scenario's fields (which no later step changes) are
	// imported beside them in the drift step (importCopies); destroy deletes each field twice, the second time
	// finding it gone, which Delete takes as deleted.
	var imports importCopies
	imports.add(updated, "zoom_tracking_field.a", "zoomds", "zoom_tracking_field.a.id")
	imports.add(updated, "zoom_tracking_field.b", "zoomds", "zoom_tracking_field.b.field")

	destroyed := []resource.TestCheckFunc{checkTrackingFieldsDestroyed(env), checkTrackingFieldsDestroyed(ds)}
	if sandboxed {
		for _, e := range []*acctest.Env{refuse, ignore} {
			destroyed = append(destroyed, checkTrackingFieldsDestroyed(e), checkMeetingsDestroyed(e), checkWebinarsDestroyed(e))
		}
	}
	steps := []resource.TestStep{
		// Lifecycle: plan-time validation, a blank label, an empty or repeated recommended value.
		{
			Config: env.Config(`
resource "zoom_tracking_field" "blank" {
  field = "  "
}
resource "zoom_tracking_field" "values" {
  field              = "x"
  recommended_values = ["a", "", "a"]
}
`),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)(must not be empty or only spaces.*duplicate|duplicate.*must not be empty or only spaces)`),
		},
		// Lifecycle: created. Data source: both fields listed. Events: the field and the events that carry it.
		{
			Config: created,
			ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPreRefresh: []plancheck.PlanCheck{stateAfterApply(append(append([]statecheck.StateCheck{
				statecheck.ExpectKnownValue(trackingFieldAddr, tfjsonpath.New("id"), knownvalue.StringRegexp(regexp.MustCompile(`^\S+$`))),
				statecheck.ExpectKnownValue(trackingFieldAddr, tfjsonpath.New("required"), knownvalue.Bool(false)),
				statecheck.ExpectKnownValue(trackingFieldAddr, tfjsonpath.New("visible"), knownvalue.Bool(false)),
				statecheck.ExpectKnownValue(trackingFieldAddr, tfjsonpath.New("recommended_values"), values("R&D", "Marketing", "Admin")),
				ref,
				stateString("zoom_tracking_field.gone", "id", &goneID),
				stateString("zoom_tracking_field.drift", "id", &driftRef.id),
				goneIDs.AddStateValue("zoom_tracking_field.gone", tfjsonpath.New("id")),
			}, dsChecks...), eventChecks...)...)}},
		},
		// Lifecycle: label, order of the values and both flags change in place (the same ID, Zoom's copy changed).
		// Events: where Zoom accepts a meeting without the required field, it is created. Drift: changed in the
		// portal, drift on exactly those attributes, put back in place. Gone: deleted in the portal, created again
		// (another ID). Import: zoom_tracking_field.a by ID and b by label, each into a copy: imported without a
		// change, with the same attributes as the original (ImportStateVerify).
		{
			PreConfig: func() {
				if err := env.Client.TrackingFields.Update(acctest.Ctx(), driftRef.id, &client.TrackingFieldRequest{
					Visible: client.Ptr(false), RecommendedValues: &[]string{"R&D", "Admin"}}); err != nil {
					t.Fatalf("out-of-band update: %v", err)
				}
				if err := env.Client.TrackingFields.Delete(acctest.Ctx(), goneID); err != nil {
					t.Fatalf("out-of-band delete: %v", err)
				}
			},
			Config: updated + imports.config(),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: append([]plancheck.PlanCheck{
					plancheck.ExpectResourceAction(trackingFieldAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction("zoom_tracking_field.drift", plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue("zoom_tracking_field.drift", tfjsonpath.New("visible"), knownvalue.Bool(true)),
					plancheck.ExpectResourceAction("zoom_tracking_field.gone", plancheck.ResourceActionCreate),
				}, imports.checks...),
				PostApplyPreRefresh: []plancheck.PlanCheck{
					// The same field, changed in place.
					plancheck.ExpectKnownValue(trackingFieldAddr, tfjsonpath.New("id"), knownvalue.StringFunc(func(v string) error {
						if v != ref.id {
							return fmt.Errorf("id %q, created as %q", v, ref.id)
						}
						return nil
					})),
					plancheck.ExpectKnownValue(trackingFieldAddr, tfjsonpath.New("recommended_values"), values("Admin", "R&D")),
					zoomField(env, ref, func(f *client.AccountTrackingField) error {
						if f.Field != label2 || f.Required != testRequired || !f.Visible || !slices.Equal(f.RecommendedValues, []string{"Admin", "R&D"}) {
							return fmt.Errorf("Zoom's copy after the update: %+v", f)
						}
						return nil
					}),
					zoomField(env, driftRef, func(f *client.AccountTrackingField) error {
						if !f.Visible || !slices.Equal(f.RecommendedValues, []string{"Admin", "R&D"}) {
							return fmt.Errorf("Zoom's copy after repairing the drift: %+v", f)
						}
						return nil
					}),
					plancheck.ExpectKnownValue("zoom_tracking_field.gone", tfjsonpath.New("required"), knownvalue.Bool(testRequired)),
					stateAfterApply(append([]statecheck.StateCheck{goneIDs.AddStateValue("zoom_tracking_field.gone", tfjsonpath.New("id"))},
						imports.stateChecks...)...),
				},
			},
		},
	}
	if sandboxed {
		// Events: under the sandbox's default, a meeting without the required field gets Zoom's refusal, explained.
		steps = append(steps, resource.TestStep{
			Config: updated + imports.config() + untracked("refuse"),
			ExpectError: regexp.MustCompile(`(?s)HTTP\s+400,\s+Zoom\s+code\s+300.*requires\s+every\s+meeting\s+and\s+webinar\s+to\s+carry\s+a\s+value\s+for\s+the\s+required\s+tracking\s+field\s+"` +
				regexp.QuoteMeta(eventLabel["refuse"]) + `".*tracking_fields`),
		})
	}
	names := []string{"zoomds"}
	if sandboxed {
		names = append(names, "zoomrefuse", "zoomignore")
	}
	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactoriesNamed(names...),
		CheckDestroy:             resource.ComposeTestCheckFunc(destroyed...),
		Steps:                    steps,
	})
}
