package resources_test

import (
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/acctest"
	"github.com/zoom-terraform/terraform-provider-zoom/internal/sandbox"
)

// sandboxSet is one sandbox per setting of a sandbox knob, for a test that runs the same scenario under every
// setting in one TestCase and one configuration: each setting has its own provider instance, under a local name
// of the provider (see acctest.ProviderBlock), and its own resources, which name it with provider = <name>.
// TestCases and steps cost terraform processes; resources in a configuration barely do.
type sandboxSet struct {
	names []string // sorted
	envs  map[string]*acctest.Env
}

// newSandboxes starts a sandbox per name (a provider local name: lower-case letters) with that name's profile
// change (nil for the defaults). It skips t against a real account.
func newSandboxes(t *testing.T, profiles map[string]func(*sandbox.Profile)) sandboxSet {
	t.Helper()
	s := sandboxSet{names: slices.Sorted(maps.Keys(profiles)), envs: map[string]*acctest.Env{}}
	for _, name := range s.names {
		var profile []func(*sandbox.Profile)
		if profiles[name] != nil {
			profile = append(profile, profiles[name])
		}
		s.envs[name] = acctest.New(t, profile...)
		s.envs[name].RequireSandbox(t)
	}
	return s
}

// config returns a configuration with, for every name, its provider block and what body returns for it.
func (s sandboxSet) config(body func(name string, env *acctest.Env) string) string {
	var b strings.Builder
	for _, name := range s.names {
		b.WriteString(s.envs[name].ProviderBlock(name))
		b.WriteString(body(name, s.envs[name]))
	}
	return s.envs[s.names[0]].Config(b.String())
}

// factories serves the provider under every name (and as zoom).
func (s sandboxSet) factories() map[string]func() (tfprotov6.ProviderServer, error) {
	return acctest.ProviderFactoriesNamed(s.names...)
}

// each returns a function that runs f for every sandbox (a PreConfig, say).
func (s sandboxSet) each(f func(env *acctest.Env)) func() {
	return func() {
		for _, name := range s.names {
			f(s.envs[name])
		}
	}
}

// blockStart matches the first line of a resource or data block.
var blockStart = regexp.MustCompile(`(?m)^(resource|data) "[^"]+" "[^"]+" \{\n`)

// withProvider puts every resource and data block of body on the provider's local name (none: on zoom).
func withProvider(name, body string) string {
	if name == "" {
		return body
	}
	return blockStart.ReplaceAllString(body, "${0}  provider = "+name+"\n")
}
