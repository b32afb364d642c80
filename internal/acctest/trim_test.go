package acctest

import (
	"context"
	"slices"
	"testing"

	fwprovider "github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/provider"
)

// schemaTypes asks the server built by factory for its schema and returns its resource, data source and ephemeral
// resource types.
func schemaTypes(t *testing.T, factory func() (tfprotov6.ProviderServer, error)) (res, data, eph []string) {
	t.Helper()
	srv, err := factory()
	if err != nil {
		t.Fatal(err)
	}
	resp, err := srv.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range resp.Diagnostics {
		t.Fatalf("schema diagnostic: %s: %s", d.Summary, d.Detail)
	}
	for k := range resp.ResourceSchemas {
		res = append(res, k)
	}
	for k := range resp.DataSourceSchemas {
		data = append(data, k)
	}
	for k := range resp.EphemeralResourceSchemas {
		eph = append(eph, k)
	}
	slices.Sort(res)
	slices.Sort(data)
	slices.Sort(eph)
	return res, data, eph
}

func TestTrimKeepsTheTypesTheConfigurationsName(t *testing.T) {
	echo := func() (tfprotov6.ProviderServer, error) { return nil, nil }
	factories := ProviderFactoriesNamed("zoomtrimtest")
	factories["echo"] = echo
	tc := Trim(resource.TestCase{
		ProtoV6ProviderFactories: factories,
		Steps: []resource.TestStep{
			{Config: `
resource "zoom_user" "a" {
  provider = zoomtrimtest
}
  data "zoom_meeting_templates" "b" {}
ephemeral "zoom_meeting_start_url" "c" {}
resource "echo" "d" {}
# resource "zoom_group" "commented" {} is not a block
`},
			{ResourceName: "zoom_role.imported", ImportState: true},
			{Config: `resource "zoom_webinar" "later" {}`},
		},
	})
	for _, name := range []string{"zoom", "zoomtrimtest"} {
		res, data, eph := schemaTypes(t, tc.ProtoV6ProviderFactories[name])
		if want := []string{"zoom_role", "zoom_user", "zoom_webinar"}; !slices.Equal(res, want) {
			t.Errorf("%s: resources %v, want %v", name, res, want)
		}
		if want := []string{"zoom_meeting_templates"}; !slices.Equal(data, want) {
			t.Errorf("%s: data sources %v, want %v", name, data, want)
		}
		if want := []string{"zoom_meeting_start_url"}; !slices.Equal(eph, want) {
			t.Errorf("%s: ephemeral resources %v, want %v", name, eph, want)
		}
	}
	if srv, _ := tc.ProtoV6ProviderFactories["echo"](); srv != nil {
		t.Error("Trim replaced a provider that is not the Zoom provider")
	}
	if _, ok := factories["zoom"]; !ok {
		t.Fatal("ProviderFactoriesNamed does not serve zoom")
	}
	full, _, _ := schemaTypes(t, factories["zoom"])
	if len(full) < 10 {
		t.Errorf("Trim changed the factories it was given: zoom serves %v", full)
	}
}

func TestTrimLeavesConfigDirectoriesAlone(t *testing.T) {
	factories := ProviderFactoriesNamed()
	tc := Trim(resource.TestCase{
		ProtoV6ProviderFactories: factories,
		Steps:                    []resource.TestStep{{ConfigFile: config.StaticFile("main.tf")}},
	})
	res, _, _ := schemaTypes(t, tc.ProtoV6ProviderFactories["zoom"])
	if len(res) < 10 {
		t.Errorf("a test case with a configuration file got a trimmed provider: %v", res)
	}
}

// TestTrimmedProviderKeepsTheProvidersInterfaces fails when the provider gains an optional interface (config
// validation, functions, ...) that the trimmed provider, which wraps it, would hide from the tests.
func TestTrimmedProviderKeepsTheProvidersInterfaces(t *testing.T) {
	full := provider.New("test")()
	var trimmed fwprovider.Provider = only{full, nil}
	checks := map[string]func(fwprovider.Provider) bool{
		"ProviderWithActions":            func(p fwprovider.Provider) bool { _, ok := p.(fwprovider.ProviderWithActions); return ok },
		"ProviderWithConfigValidators":   func(p fwprovider.Provider) bool { _, ok := p.(fwprovider.ProviderWithConfigValidators); return ok },
		"ProviderWithEphemeralResources": func(p fwprovider.Provider) bool { _, ok := p.(fwprovider.ProviderWithEphemeralResources); return ok },
		"ProviderWithFunctions":          func(p fwprovider.Provider) bool { _, ok := p.(fwprovider.ProviderWithFunctions); return ok },
		"ProviderWithListResources":      func(p fwprovider.Provider) bool { _, ok := p.(fwprovider.ProviderWithListResources); return ok },
		"ProviderWithMetaSchema":         func(p fwprovider.Provider) bool { _, ok := p.(fwprovider.ProviderWithMetaSchema); return ok },
		"ProviderWithStateStores":        func(p fwprovider.Provider) bool { _, ok := p.(fwprovider.ProviderWithStateStores); return ok },
		"ProviderWithValidateConfig":     func(p fwprovider.Provider) bool { _, ok := p.(fwprovider.ProviderWithValidateConfig); return ok },
	}
	for name, implements := range checks {
		if implements(full) != implements(trimmed) {
			t.Errorf("%s: the provider implements it: %t, the trimmed provider of the tests: %t", name, implements(full), implements(trimmed))
		}
	}
}
