package acctest

import (
	"context"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	fwprovider "github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	fwresource "github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/provider"
)

// ParallelTest is resource.ParallelTest with the provider cut down to the types the test case uses (see Trim).
func ParallelTest(t *testing.T, tc resource.TestCase) {
	t.Helper()
	resource.ParallelTest(t, Trim(tc))
}

// Test is resource.Test with the provider cut down to the types the test case uses (see Trim).
func Test(t *testing.T, tc resource.TestCase) {
	t.Helper()
	resource.Test(t, Trim(tc))
}

// Trim returns tc with every Zoom provider it serves ("zoom" and the names of ProviderFactoriesNamed) replaced by
// one that has only the resource, data source and ephemeral resource types that the steps' configurations (and
// ResourceName) name.
//
// Why: every terraform command a test runs asks each provider the test case serves for its whole schema (about
// 200 KB for this provider, built by the provider and decoded by Terraform), whether the configuration uses one
// type or all of them, and a test case with a sandbox per provider name pays that once per name. Serving only the
// types in use took about a third off the CPU of a test case with eleven provider names and a fifth off a test
// case with one (docs/development/testing.md). The types behave exactly as in the full provider: each type's
// code does not depend on which other types are registered, and a configuration naming a type left out fails at
// once ("The provider ... does not support resource type"), so a missed type cannot hide. The provider package's
// tests, the e2e tests and `make demo` keep the full provider.
//
// A test case whose steps use configuration files or directories is returned as is.
func Trim(tc resource.TestCase) resource.TestCase {
	keep := map[string]bool{}
	for _, step := range tc.Steps {
		if step.ConfigFile != nil || step.ConfigDirectory != nil {
			return tc
		}
		for _, m := range typeName.FindAllStringSubmatch(step.Config, -1) {
			keep[m[1]+" "+m[2]] = true
		}
		if typ, _, ok := strings.Cut(step.ResourceName, "."); ok && strings.HasPrefix(typ, "zoom_") {
			keep["resource "+typ] = true
		}
	}
	factories := map[string]func() (tfprotov6.ProviderServer, error){}
	for name, f := range tc.ProtoV6ProviderFactories {
		if _, ours := servedNames.Load(name); ours {
			f = providerserver.NewProtocol6WithError(only{provider.New("test")(), keep})
		}
		factories[name] = f
	}
	tc.ProtoV6ProviderFactories = factories
	return tc
}

// typeName matches the kind and type of a resource, data or ephemeral block.
var typeName = regexp.MustCompile(`(?m)^\s*(resource|data|ephemeral)\s+"(zoom_[a-z0-9_]+)"`)

// servedNames holds the provider names under which ProtoV6ProviderFactories and ProviderFactoriesNamed serve the
// Zoom provider: Trim replaces those and leaves any other provider of a test case (echo, say) alone.
var servedNames sync.Map

func init() { servedNames.Store("zoom", true) }

// only is the Zoom provider with only the types in keep ("resource zoom_user", "data zoom_users", "ephemeral ...").
type only struct {
	fwprovider.Provider
	keep map[string]bool
}

func (o only) Resources(ctx context.Context) []func() fwresource.Resource {
	return keepTypes(o.keep, "resource ", o.Provider.Resources(ctx), func(r fwresource.Resource) string {
		var resp fwresource.MetadataResponse
		r.Metadata(ctx, fwresource.MetadataRequest{ProviderTypeName: "zoom"}, &resp)
		return resp.TypeName
	})
}

func (o only) DataSources(ctx context.Context) []func() datasource.DataSource {
	return keepTypes(o.keep, "data ", o.Provider.DataSources(ctx), func(d datasource.DataSource) string {
		var resp datasource.MetadataResponse
		d.Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: "zoom"}, &resp)
		return resp.TypeName
	})
}

func (o only) EphemeralResources(ctx context.Context) []func() ephemeral.EphemeralResource {
	all := o.Provider.(fwprovider.ProviderWithEphemeralResources).EphemeralResources(ctx)
	return keepTypes(o.keep, "ephemeral ", all, func(e ephemeral.EphemeralResource) string {
		var resp ephemeral.MetadataResponse
		e.Metadata(ctx, ephemeral.MetadataRequest{ProviderTypeName: "zoom"}, &resp)
		return resp.TypeName
	})
}

func keepTypes[T any](keep map[string]bool, kind string, all []func() T, typeOf func(T) string) []func() T {
	var kept []func() T
	for _, f := range all {
		if keep[kind+typeOf(f())] {
			kept = append(kept, f)
		}
	}
	return kept
}
