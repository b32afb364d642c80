package resources_test

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

// The tests in this file lose Zoom's answers to creates, several in a row, and check that exactly one object
// exists afterwards, that it is the one in the state, and that the plan is empty: within one apply, and when an
// apply gives up in between and the next one adopts.

// creatingKind is a resource kind that creates something in Zoom, with what the tests need to know about it.
type creatingKind struct {
	name string
	// typ is the resource type; the tests name each instance after the unique name they give it.
	typ string
	// createRoute and lookupRoute are the sandbox paths (regexps) of the create and of the lookup after a lost
	// answer; statsRoute is the create's route name in the request log.
	createRoute, lookupRoute, statsRoute string
	// config returns the configuration (without the provider block) of one instance named unique.
	config func(env *acctest.Env, unique string) string
	// group: kinds of the same group are tested together (registrants need parents that are not faulted).
	group string
	// count returns how many objects the sandbox holds that the resource describes, and the ID of one.
	count func(env *acctest.Env, unique string, s *terraform.State) (int, string, error)
	// stateID returns the ID of the object from the resource's state ID.
	stateID func(id string) string
	// pending: when the lookup fails, the apply records the object as unconfirmed (meetings, webinars) rather
	// than failing (users, registrants).
	pending bool
}

func creatingKinds() []creatingKind {
	start := zoomUTC(futureUTC(60 * time.Hour))
	identity := func(id string) string { return id }
	afterSlash := func(id string) string { _, r, _ := strings.Cut(id, "/"); return r }
	countEvents := func(webinar bool) func(env *acctest.Env, unique string, _ *terraform.State) (int, string, error) {
		return func(env *acctest.Env, unique string, _ *terraform.State) (int, string, error) {
			var ids []string
			if webinar {
				ws, err := env.Client.Webinars.List(acctest.Ctx(), env.Host, nil)
				if err != nil {
					return 0, "", err
				}
				for _, w := range ws {
					if w.Topic == unique {
						ids = append(ids, strconv.FormatInt(w.ID, 10))
					}
				}
			} else {
				ms, err := env.Client.Meetings.List(acctest.Ctx(), env.Host, nil)
				if err != nil {
					return 0, "", err
				}
				for _, m := range ms {
					if m.Topic == unique {
						ids = append(ids, strconv.FormatInt(m.ID, 10))
					}
				}
			}
			if len(ids) == 0 {
				return 0, "", nil
			}
			return len(ids), ids[0], nil
		}
	}
	countRegistrants := func(webinar bool, parentType string) func(env *acctest.Env, unique string, s *terraform.State) (int, string, error) {
		return func(env *acctest.Env, unique string, s *terraform.State) (int, string, error) {
			parentAddr := parentType + ".p-" + unique
			rs, ok := s.RootModule().Resources[parentAddr]
			if !ok {
				return 0, "", fmt.Errorf("%s not in state", parentAddr)
			}
			parent, _ := strconv.ParseInt(rs.Primary.ID, 10, 64)
			n, id := 0, ""
			for _, status := range []string{"approved", "pending", "denied"} {
				opts := &client.ListRegistrantsOptions{Status: status}
				var list []client.Registrant
				var err error
				if webinar {
					list, err = env.Client.WebinarRegistrants.List(acctest.Ctx(), parent, opts)
				} else {
					list, err = env.Client.MeetingRegistrants.List(acctest.Ctx(), parent, opts)
				}
				if err != nil {
					return 0, "", err
				}
				for _, g := range list {
					if strings.EqualFold(g.Email, unique+"@example.com") {
						n, id = n+1, g.ID
					}
				}
			}
			return n, id, nil
		}
	}
	return []creatingKind{
		{
			name: "user", typ: "zoom_user", group: "hosts", pending: false,
			createRoute: `^/v2/users$`, lookupRoute: `^/v2/users/[^/]+$`, statsRoute: "POST /v2/users",
			config: func(env *acctest.Env, unique string) string {
				return fmt.Sprintf(`
resource "zoom_user" "%[1]s" {
  email      = "%[1]s@example.com"
  action     = "autoCreate"
  type       = 1
  first_name = "Ada"
}
`, unique)
			},
			count: func(env *acctest.Env, unique string, _ *terraform.State) (int, string, error) {
				u, err := env.Client.Users.Get(acctest.Ctx(), unique+"@example.com")
				if client.IsNotFound(err) {
					return 0, "", nil
				}
				if err != nil {
					return 0, "", err
				}
				return 1, u.ID, nil
			},
			stateID: identity,
		},
		{
			name: "meeting", typ: "zoom_meeting", group: "hosts", pending: true,
			createRoute: `^/v2/users/[^/]+/meetings$`, lookupRoute: `^/v2/users/[^/]+/meetings$`,
			statsRoute: "POST /v2/users/{userId}/meetings",
			config: func(env *acctest.Env, unique string) string {
				return fmt.Sprintf(`
resource "zoom_meeting" %[2]q {
  user_id    = %[1]q
  topic      = %[2]q
  start_time = %[3]q
}
`, env.Host, unique, start)
			},
			count: countEvents(false), stateID: identity,
		},
		{
			name: "webinar", typ: "zoom_webinar", group: "hosts", pending: true,
			createRoute: `^/v2/users/[^/]+/webinars$`, lookupRoute: `^/v2/users/[^/]+/webinars$`,
			statsRoute: "POST /v2/users/{userId}/webinars",
			config: func(env *acctest.Env, unique string) string {
				return fmt.Sprintf(`
resource "zoom_webinar" %[2]q {
  user_id    = %[1]q
  topic      = %[2]q
  start_time = %[3]q
}
`, env.Host, unique, start)
			},
			count: countEvents(true), stateID: identity,
		},
		{
			name: "meeting_registrant", typ: "zoom_meeting_registrant", group: "registrants", pending: false,
			createRoute: `^/v2/meetings/[0-9]+/registrants$`, lookupRoute: `^/v2/meetings/[0-9]+/registrants$`,
			statsRoute: "POST /v2/meetings/{meetingId}/registrants",
			config: func(env *acctest.Env, unique string) string {
				return fmt.Sprintf(`
resource "zoom_meeting" "p-%[2]s" {
  user_id    = %[1]q
  topic      = "p-%[2]s"
  start_time = %[3]q
  settings   = { approval_type = 0 }
}

resource "zoom_meeting_registrant" %[2]q {
  meeting_id = zoom_meeting.p-%[2]s.id
  email      = "%[2]s@example.com"
  first_name = "Ada"
}
`, env.Host, unique, start)
			},
			count: countRegistrants(false, "zoom_meeting"), stateID: afterSlash,
		},
		{
			name: "webinar_registrant", typ: "zoom_webinar_registrant", group: "registrants", pending: false,
			createRoute: `^/v2/webinars/[0-9]+/registrants$`, lookupRoute: `^/v2/webinars/[0-9]+/registrants$`,
			statsRoute: "POST /v2/webinars/{webinarId}/registrants",
			config: func(env *acctest.Env, unique string) string {
				return fmt.Sprintf(`
resource "zoom_webinar" "p-%[2]s" {
  user_id    = %[1]q
  topic      = "p-%[2]s"
  start_time = %[3]q
  settings   = { approval_type = 0 }
}

resource "zoom_webinar_registrant" %[2]q {
  webinar_id = zoom_webinar.p-%[2]s.id
  email      = "%[2]s@example.com"
  first_name = "Ada"
}
`, env.Host, unique, start)
			},
			count: countRegistrants(true, "zoom_webinar"), stateID: afterSlash,
		},
	}
}

// checkExactlyOne checks that the sandbox holds exactly one object for the resource and that it is the one in
// the state.
func checkExactlyOne(env *acctest.Env, k creatingKind, unique string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		n, id, err := k.count(env, unique, s)
		if err != nil {
			return err
		}
		if n != 1 {
			return fmt.Errorf("%s: the sandbox holds %d objects, want exactly 1 (no duplicate, no orphan)", k.name, n)
		}
		addr := k.typ + "." + unique
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return fmt.Errorf("%s is not in the state", addr)
		}
		if got := k.stateID(rs.Primary.ID); got != id {
			return fmt.Errorf("%s: the state holds %q, the sandbox %q", addr, got, id)
		}
		return nil
	}
}

// withMaxRetries sets the provider's max_retries, so that a test can make a lookup fail with few faults.
func withMaxRetries(config string, n int) string {
	return strings.Replace(config, `account_plan  = "business"`, fmt.Sprintf("account_plan  = \"business\"\n  max_retries   = %d", n), 1)
}

// kindsOf returns the creating kinds of a group.
func kindsOf(group string) []creatingKind {
	var out []creatingKind
	for _, k := range creatingKinds() {
		if k.group == group {
			out = append(out, k)
		}
	}
	return out
}

// generation is one set of instances, one per kind of a group, with the faults their creates meet.
type generation map[string]string // kind name → unique name

func newGeneration(kinds []creatingKind) generation {
	g := generation{}
	for _, k := range kinds {
		g[k.name] = acctest.RandomName()
	}
	return g
}

// checkGenerations checks every instance of every generation: exactly one object, the one in the state, and
// (ids) the same ID as when it was created, so that nothing was replaced.
func checkGenerations(env *acctest.Env, kinds []creatingKind, gens []generation, ids map[string]string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		for _, g := range gens {
			for _, k := range kinds {
				if err := checkExactlyOne(env, k, g[k.name])(s); err != nil {
					return err
				}
				addr := k.typ + "." + g[k.name]
				id := s.RootModule().Resources[addr].Primary.ID
				if prev, ok := ids[addr]; ok && prev != id {
					return fmt.Errorf("%s was replaced: %s, then %s", addr, prev, id)
				}
				ids[addr] = id
			}
		}
		return nil
	}
}

// notProcessed counts the faults of seq, up to the first that carries the request out, that leave Zoom unchanged:
// each makes the provider send the create once more.
func notProcessed(seq []string) int {
	n := 0
	for _, kind := range seq {
		switch kind {
		case sandbox.FaultDropAfter, sandbox.Fault5xxAfter, sandbox.FaultTruncatedAfter:
			return n
		}
		n++
	}
	return n
}

// adoptionPart is what one sandbox of TestAccAdoption_lostAnswers holds: instances of kinds, one per kind and
// generation, under a provider with maxRetries retries.
type adoptionPart struct {
	kinds      []creatingKind
	gens       []generation
	maxRetries int
}

// adoptionConfig is the configuration of every sandbox of s with its part (the generations so far).
func adoptionConfig(s sandboxSet, parts map[string]*adoptionPart) string {
	var b strings.Builder
	for _, name := range s.names {
		p, env := parts[name], s.envs[name]
		b.WriteString(withMaxRetries(env.ProviderBlock(name), p.maxRetries))
		for _, g := range p.gens {
			for _, k := range p.kinds {
				b.WriteString(withProvider(name, k.config(env, g[k.name])))
			}
		}
	}
	return s.envs[s.names[0]].Config(b.String())
}

// TestAccAdoption_lostAnswers loses Zoom's answers to creates and to the reads that follow them, in one
// TestCase, each scenario on a sandbox of its own (a provider local name each, see sandboxSet), for the hosts
// (users, meetings, webinars) and the registrants (of meetings and webinars; their parents are not faulted)
// separately:
//
//   - lost (losthosts, lostregs, losthosts3, lostregs3): for every kind that creates, two, then three answers to
//     its create lost in a row (Zoom carrying the last one out: losthosts and lostregs, steps 2 and 3), then
//     three lost after Zoom carried each out (losthosts3 and lostregs3, step 3, after a first generation created
//     without faults in step 2): each time exactly one object, in the state, an empty plan, and the instances of
//     the earlier steps unchanged.
//   - giveup (giveuphosts, giveupregs): the create is carried out but its answer is lost, and looking for it
//     fails too, so the apply cannot tell what Zoom did. Users and registrants: the apply fails saying so and
//     that the next apply adopts it (step 1, which must fail with exactly that error for each of them and no
//     other). Meetings and webinars: the apply records them as unconfirmed. The next apply (step 2), whose
//     creates lose their answers again after Zoom acted, adopts everything: exactly one object each, in the
//     state, and an empty plan.
//   - readback: the create succeeds but reading the new object back keeps failing (step 2). The object is saved
//     in the state with what is known (a warning, not an error), so it is not tainted; the next refresh (step 3)
//     fills the rest in, the plan is empty, and nothing is replaced.
func TestAccAdoption_lostAnswers(t *testing.T) {
	sequences := [][]string{
		// Lost before Zoom acted, then lost after it did.
		{sandbox.FaultDrop, sandbox.FaultDropAfter},
		// A 5xx, an answer cut short, then an answer cut short after Zoom carried the create out.
		{sandbox.Fault502, sandbox.FaultTruncated, sandbox.FaultTruncatedAfter},
		// Every answer lost after Zoom carried the create out: the first lookup adopts, no second create is sent.
		{sandbox.Fault5xxAfter, sandbox.FaultDropAfter, sandbox.FaultTruncatedAfter},
	}
	readRoutes := map[string]string{
		"user":               `^/v2/users/[^/@]+$`,    // by ID; the lookups go by e-mail
		"meeting":            `^/v2/meetings/[0-9]+$`, // meetingCreate's answer lacks uuid, host_id and status
		"meeting_registrant": `^/v2/meetings/[0-9]+/registrants/[^/]+$`,
		"webinar_registrant": `^/v2/webinars/[0-9]+/registrants/[^/]+$`,
	}
	// schedule says, for every lost sandbox, which sequence the creates of its generation of step 2 and step 3
	// meet (nil: none). The third sequence has sandboxes of its own, so that it runs in step 3 with the second:
	// the faults of a route fire in the order they were added, so one sandbox can stage one sequence per step.
	schedule := map[string][][]string{
		"losthosts": {sequences[0], sequences[1]}, "lostregs": {sequences[0], sequences[1]},
		"losthosts3": {nil, sequences[2]}, "lostregs3": {nil, sequences[2]},
	}
	const lostSteps = 2
	groupOf := map[string]string{"losthosts": "hosts", "lostregs": "registrants", "losthosts3": "hosts", "lostregs3": "registrants",
		"giveuphosts": "hosts", "giveupregs": "registrants"}
	s := newSandboxes(t, map[string]func(*sandbox.Profile){"losthosts": nil, "lostregs": nil, "losthosts3": nil, "lostregs3": nil,
		"giveuphosts": nil, "giveupregs": nil, "readback": nil})
	parts := map[string]*adoptionPart{}
	for name, group := range groupOf {
		parts[name] = &adoptionPart{kinds: kindsOf(group)}
	}
	// A webinar's create answer holds everything: there is no read-back to fail.
	parts["readback"] = &adoptionPart{maxRetries: 1}
	for _, k := range creatingKinds() {
		if _, ok := readRoutes[k.name]; ok {
			parts["readback"].kinds = append(parts["readback"].kinds, k)
		}
	}
	lost, giveup := slices.Sorted(maps.Keys(schedule)), []string{"giveuphosts", "giveupregs"}
	for _, name := range append(giveup, "readback") {
		parts[name].gens = []generation{newGeneration(parts[name].kinds)}
	}
	// configs[i] is step i's configuration: every giveup generation from step 1 on, readback's from step 2 on,
	// and one more lost generation in each step from step 2 on.
	var configs []string
	for step := range lostSteps + 1 {
		cur := map[string]*adoptionPart{}
		for name, p := range parts {
			q := *p
			switch {
			case slices.Contains(lost, name):
				for len(p.gens) < step {
					p.gens = append(p.gens, newGeneration(p.kinds))
				}
				q.gens = p.gens[:step]
			case name == "readback" && step == 0:
				q.gens = nil
			}
			cur[name] = &q
		}
		configs = append(configs, adoptionConfig(s, cur))
	}
	// checkLost checks the lost sandboxes after step (1 or 2 of their generations): every generation so far, and
	// the creates sent in all.
	lostIDs := map[string]map[string]string{}
	for _, name := range lost {
		lostIDs[name] = map[string]string{}
	}
	wantPosts := map[string]int{}
	lostFaults := func(step int) {
		for _, name := range lost {
			seq := schedule[name][step-1]
			for _, k := range parts[name].kinds {
				for _, kind := range seq {
					addFaults(t, s.envs[name], sandbox.Fault{Method: "POST", Path: k.createRoute, Kind: kind, Count: 1})
				}
			}
			wantPosts[name] += 1 + notProcessed(seq)
		}
	}
	checkLost := func(step int) resource.TestCheckFunc {
		var checks []resource.TestCheckFunc
		for _, name := range lost {
			env, p := s.envs[name], parts[name]
			checks = append(checks, checkGenerations(env, p.kinds, p.gens[:step], lostIDs[name]), func(*terraform.State) error {
				for _, k := range p.kinds {
					if got, want := env.Sandbox.RequestStats().ByRoute[k.statsRoute], wantPosts[name]; got != want {
						return fmt.Errorf("%s: %s sent %d times in all, want %d", name, k.statsRoute, got, want)
					}
				}
				return nil
			})
		}
		return resource.ComposeTestCheckFunc(checks...)
	}
	readbackIDs := map[string]string{}
	rb := s.envs["readback"]

	// giveupErrors is what step 1 must fail with: for every user and registrant of the giveup sandboxes.
	giveupErrors, owner := map[string]*regexp.Regexp{}, map[string]string{}
	for _, name := range giveup {
		for _, k := range parts[name].kinds {
			if !k.pending {
				unique := parts[name].gens[0][k.name]
				key := name + " " + k.name
				giveupErrors[key], owner[unique] = regexp.MustCompile(`(?s)Zoom may have created .*next apply`), key
			}
		}
	}
	failed := false
	acctest.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: s.factories(),
		ErrorCheck: func(err error) error {
			if failed {
				return err
			}
			problems := scenarioErrors(err.Error(), func(addr string) string { return owner[addr[strings.LastIndex(addr, ".")+1:]] }, giveupErrors)
			if len(problems) > 0 {
				return fmt.Errorf("%s\n\nin: %w", strings.Join(problems, "\n"), err)
			}
			failed = true
			return nil
		},
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					for _, name := range giveup {
						for _, k := range parts[name].kinds {
							// Every lookup of the first apply fails (one attempt each, max_retries = 0).
							addFaults(t, s.envs[name],
								sandbox.Fault{Method: "POST", Path: k.createRoute, Kind: sandbox.FaultDropAfter, Count: 1},
								sandbox.Fault{Method: "GET", Path: k.lookupRoute, Kind: sandbox.Fault503, Count: 3})
						}
					}
				},
				Config: configs[0],
			},
			{
				PreConfig: func() {
					if !failed {
						t.Fatal("step 1 should have failed")
					}
					for _, name := range giveup {
						env := s.envs[name]
						for _, k := range parts[name].kinds {
							if f := env.Sandbox.Faults(); f[0].Fired != 1 {
								t.Errorf("%s: the first create's fault fired %d times", name, f[0].Fired)
							}
							if n := env.Sandbox.RequestStats().ByRoute[k.statsRoute]; n != 1 {
								t.Errorf("%s: %s sent %d times by the first apply, want 1", name, k.statsRoute, n)
							}
							addFaults(t, env, sandbox.Fault{Method: "POST", Path: k.createRoute, Kind: sandbox.Fault5xxAfter, Count: 1})
						}
					}
					lostFaults(1)
					for _, k := range parts["readback"].kinds {
						// Two answers cut short: the read-back and its one retry (max_retries = 1).
						addFaults(t, rb, sandbox.Fault{Method: "GET", Path: readRoutes[k.name], Kind: sandbox.FaultTruncatedAfter, Count: 2})
					}
				},
				Config: configs[1],
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPreRefresh: []plancheck.PlanCheck{checkAfterApply(
					checkGenerations(s.envs["giveuphosts"], parts["giveuphosts"].kinds, parts["giveuphosts"].gens, map[string]string{}),
					checkGenerations(s.envs["giveupregs"], parts["giveupregs"].kinds, parts["giveupregs"].gens, map[string]string{}),
					checkLost(1),
					checkGenerations(rb, parts["readback"].kinds, parts["readback"].gens, readbackIDs),
					func(*terraform.State) error {
						for _, f := range rb.Sandbox.Faults() {
							if f.Fired != 2 {
								return fmt.Errorf("readback: the read-back fault on %s fired %d times, want 2", f.Path, f.Fired)
							}
						}
						return nil
					})}},
			},
			{
				PreConfig: func() { lostFaults(2) },
				Config:    configs[2],
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPreRefresh: []plancheck.PlanCheck{
					checkAfterApply(checkLost(2), checkGenerations(rb, parts["readback"].kinds, parts["readback"].gens, readbackIDs)),
				}},
			},
		},
	})
}
