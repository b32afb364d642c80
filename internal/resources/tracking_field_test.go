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
func zoomField(env *acctest.Env, ref *trackingFieldRef, want func(*client.AccountTrackingField) error) statecheck.StateCheck {
	return acctest.CheckNow(func() error {
		f, err := env.Client.TrackingFields.Get(acctest.Ctx(), ref.id)
		if err != nil {
			return err
		}
		return want(f)
	})
}

// TestAccTrackingField_lifecycle: bad input refused at plan time; a field created with ordered recommended values,
// imported by ID and by label, changed in place (label, order, flags), changed in the portal (drift), deleted in
// the portal (created again) and removed on destroy.
func TestAccTrackingField_lifecycle(t *testing.T) {
	env := acctest.New(t)
	label, label2 := acctest.RandomName()+" cost centre", acctest.RandomName()+" department"
	sameID := statecheck.CompareValue(compare.ValuesSame())
	ref := &trackingFieldRef{}
	values := func(v ...string) knownvalue.Check {
		checks := make([]knownvalue.Check, len(v))
		for i, s := range v {
			checks[i] = knownvalue.StringExact(s)
		}
		return knownvalue.ListExact(checks)
	}
	created := trackingFieldConfig(env, fmt.Sprintf(`  field              = %q
  visible            = false
  recommended_values = ["R&D", "Marketing", "Admin"]
`, label))
	updated := trackingFieldConfig(env, fmt.Sprintf(`  field              = %q
  required           = %t
  recommended_values = ["Admin", "R&D"]
`, label2, testRequired))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkTrackingFieldsDestroyed(env),
		Steps: []resource.TestStep{
			// Plan-time validation: a blank label, an empty or repeated recommended value.
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
			{
				Config: created,
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(trackingFieldAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(trackingFieldAddr, tfjsonpath.New("id"), knownvalue.StringRegexp(regexp.MustCompile(`^\S+$`))),
					statecheck.ExpectKnownValue(trackingFieldAddr, tfjsonpath.New("required"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(trackingFieldAddr, tfjsonpath.New("visible"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(trackingFieldAddr, tfjsonpath.New("recommended_values"), values("R&D", "Marketing", "Admin")),
					ref,
				},
			},
			{ResourceName: trackingFieldAddr, ImportState: true, ImportStateVerify: true},
			// By label.
			{ResourceName: trackingFieldAddr, ImportState: true, ImportStateVerify: true, ImportStateId: label},
			// Label, order of the values and both flags change in place.
			{
				Config: updated,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(trackingFieldAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(trackingFieldAddr, tfjsonpath.New("id")),
					statecheck.ExpectKnownValue(trackingFieldAddr, tfjsonpath.New("recommended_values"), values("Admin", "R&D")),
					zoomField(env, ref, func(f *client.AccountTrackingField) error {
						if f.Field != label2 || f.Required != testRequired || !f.Visible || !slices.Equal(f.RecommendedValues, []string{"Admin", "R&D"}) {
							return fmt.Errorf("Zoom's copy after the update: %+v", f)
						}
						return nil
					}),
				},
			},
			// Changed in the portal: drift on exactly those attributes, put back in place.
			{
				PreConfig: func() {
					if err := env.Client.TrackingFields.Update(acctest.Ctx(), ref.id, &client.TrackingFieldRequest{
						Visible: client.Ptr(false), RecommendedValues: &[]string{"R&D", "Admin"}}); err != nil {
						t.Fatalf("out-of-band update: %v", err)
					}
				},
				Config: updated,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(trackingFieldAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(trackingFieldAddr, tfjsonpath.New("visible"), knownvalue.Bool(true)),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					zoomField(env, ref, func(f *client.AccountTrackingField) error {
						if !f.Visible || !slices.Equal(f.RecommendedValues, []string{"Admin", "R&D"}) {
							return fmt.Errorf("Zoom's copy after repairing the drift: %+v", f)
						}
						return nil
					}),
				},
			},
			// Deleted in the portal: created again.
			{
				PreConfig: func() {
					if err := env.Client.TrackingFields.Delete(acctest.Ctx(), ref.id); err != nil {
						t.Fatalf("out-of-band delete: %v", err)
					}
				},
				Config: updated,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(trackingFieldAddr, plancheck.ResourceActionCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(trackingFieldAddr, tfjsonpath.New("required"), knownvalue.Bool(testRequired)),
				},
			},
		},
	})
}

// TestAccTrackingFieldsDataSource lists the account's fields, all of them and one by label.
func TestAccTrackingFieldsDataSource(t *testing.T) {
	env := acctest.New(t)
	a, b := acctest.RandomName()+"-a", acctest.RandomName()+"-b"
	checks := []statecheck.StateCheck{
		statecheck.CompareValuePairs("data.zoom_tracking_fields.one", tfjsonpath.New("tracking_fields").AtSliceIndex(0).AtMapKey("id"),
			"zoom_tracking_field.b", tfjsonpath.New("id"), compare.ValuesSame()),
		statecheck.ExpectKnownValue("data.zoom_tracking_fields.one", tfjsonpath.New("tracking_fields"), knownvalue.ListSizeExact(1)),
	}
	if !acctest.RealAccount() {
		// The sandbox account holds only these two fields (a real account may hold others).
		checks = append(checks, statecheck.ExpectKnownValue("data.zoom_tracking_fields.all", tfjsonpath.New("tracking_fields"), knownvalue.ListExact([]knownvalue.Check{
			knownvalue.ObjectPartial(map[string]knownvalue.Check{"field": knownvalue.StringExact(a), "required": knownvalue.Bool(testRequired),
				"visible": knownvalue.Bool(true), "recommended_values": knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringExact("z"), knownvalue.StringExact("y")})}),
			knownvalue.ObjectPartial(map[string]knownvalue.Check{"field": knownvalue.StringExact(b), "visible": knownvalue.Bool(false)}),
		})))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkTrackingFieldsDestroyed(env),
		Steps: []resource.TestStep{{
			Config: env.Config(fmt.Sprintf(`
resource "zoom_tracking_field" "a" {
  field              = %q
  required           = %t
  recommended_values = ["z", "y"]
}
resource "zoom_tracking_field" "b" {
  field      = %q
  visible    = false
  depends_on = [zoom_tracking_field.a] # a known order: the sandbox lists fields in creation order
}
data "zoom_tracking_fields" "all" {
  depends_on = [zoom_tracking_field.a, zoom_tracking_field.b]
}
data "zoom_tracking_fields" "one" {
  field = zoom_tracking_field.b.field
}
`, a, testRequired, b)),
			ConfigStateChecks: checks,
		}},
	})
}

// TestAccTrackingField_events: a required tracking field and a meeting and a webinar that carry it are created in
// one apply (the events refer to the field); a meeting without it then gets Zoom's refusal, explained, under the
// sandbox's default; where Zoom would accept such a meeting (profile knob), it is created.
func TestAccTrackingField_events(t *testing.T) {
	for _, knob := range []string{sandbox.TrackingRequiredRefuse, sandbox.TrackingRequiredIgnore} {
		t.Run(knob, func(t *testing.T) {
			env := acctest.New(t, func(p *sandbox.Profile) { p.TrackingFieldRequired = knob })
			env.RequireSandbox(t)
			label := acctest.RandomName() + " cost centre"
			start := zoomUTC(futureUTC(50 * time.Hour))
			base := fmt.Sprintf(`
resource "zoom_tracking_field" "cc" {
  field              = %[1]q
  required           = true
  recommended_values = ["R&D", "Sales"]
}
resource "zoom_meeting" "m" {
  user_id         = %[2]q
  topic           = "tf-acc-tracked"
  start_time      = %[3]q
  tracking_fields = [{ field = zoom_tracking_field.cc.field, value = "R&D" }]
}
resource "zoom_webinar" "w" {
  user_id         = %[2]q
  topic           = "tf-acc-tracked"
  start_time      = %[3]q
  tracking_fields = [{ field = zoom_tracking_field.cc.field, value = "Sales" }]
}
`, label, env.Host, start)
			untracked := fmt.Sprintf(`
resource "zoom_meeting" "untracked" {
  user_id    = %q
  topic      = "tf-acc-untracked"
  start_time = %q
  depends_on = [zoom_tracking_field.cc]
}
`, env.Host, start)
			second := resource.TestStep{Config: env.Config(base + untracked)}
			if knob == sandbox.TrackingRequiredRefuse {
				second.ExpectError = regexp.MustCompile(`(?s)HTTP\s+400,\s+Zoom\s+code\s+300.*requires\s+every\s+meeting\s+and\s+webinar\s+to\s+carry\s+a\s+value\s+for\s+the\s+required\s+tracking\s+field\s+"` +
					regexp.QuoteMeta(label) + `".*tracking_fields`)
			}
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				CheckDestroy: resource.ComposeTestCheckFunc(checkTrackingFieldsDestroyed(env), checkMeetingsDestroyed(env),
					checkWebinarsDestroyed(env)),
				Steps: []resource.TestStep{
					{
						Config: env.Config(base),
						ConfigStateChecks: []statecheck.StateCheck{
							statecheck.ExpectKnownValue("zoom_meeting.m", tfjsonpath.New("tracking_fields"), knownvalue.ListExact([]knownvalue.Check{
								knownvalue.ObjectExact(map[string]knownvalue.Check{"field": knownvalue.StringExact(label), "value": knownvalue.StringExact("R&D")}),
							})),
							statecheck.ExpectKnownValue("zoom_webinar.w", tfjsonpath.New("tracking_fields"), knownvalue.ListExact([]knownvalue.Check{
								knownvalue.ObjectExact(map[string]knownvalue.Check{"field": knownvalue.StringExact(label), "value": knownvalue.StringExact("Sales")}),
							})),
						},
					},
					second,
				},
			})
		})
	}
}
