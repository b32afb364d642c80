package provider

import (
	"context"
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// TestSchemasAreDocumented walks the schema of the provider and of every resource, data source and ephemeral
// resource it serves, nested attributes and blocks included, and fails on
//   - an attribute or block without a description (the generated docs would show a bare name), and
//   - an attribute restricted by a OneOf validator whose description does not name every allowed value (users
//     read the docs, not the validator's error).
func TestSchemasAreDocumented(t *testing.T) {
	ctx := context.Background()
	p := New("test")()

	var problems []string
	check := func(owner string, schema any) {
		problems = append(problems, walkSchema(ctx, owner, schema)...)
	}

	var ps provider.SchemaResponse
	p.Schema(ctx, provider.SchemaRequest{}, &ps)
	check("provider", ps.Schema)

	for _, f := range p.Resources(ctx) {
		r := f()
		var md resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "zoom"}, &md)
		var sr resource.SchemaResponse
		r.Schema(ctx, resource.SchemaRequest{}, &sr)
		if sr.Diagnostics.HasError() {
			t.Errorf("resource %s: schema diagnostics: %v", md.TypeName, sr.Diagnostics)
		}
		check("resource "+md.TypeName, sr.Schema)
	}
	for _, f := range p.DataSources(ctx) {
		d := f()
		var md datasource.MetadataResponse
		d.Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: "zoom"}, &md)
		var sr datasource.SchemaResponse
		d.Schema(ctx, datasource.SchemaRequest{}, &sr)
		if sr.Diagnostics.HasError() {
			t.Errorf("data source %s: schema diagnostics: %v", md.TypeName, sr.Diagnostics)
		}
		check("data source "+md.TypeName, sr.Schema)
	}
	if pe, ok := p.(provider.ProviderWithEphemeralResources); ok {
		for _, f := range pe.EphemeralResources(ctx) {
			e := f()
			var md ephemeral.MetadataResponse
			e.Metadata(ctx, ephemeral.MetadataRequest{ProviderTypeName: "zoom"}, &md)
			var sr ephemeral.SchemaResponse
			e.Schema(ctx, ephemeral.SchemaRequest{}, &sr)
			if sr.Diagnostics.HasError() {
				t.Errorf("ephemeral resource %s: schema diagnostics: %v", md.TypeName, sr.Diagnostics)
			}
			check("ephemeral resource "+md.TypeName, sr.Schema)
		}
	}

	sort.Strings(problems)
	for _, p := range problems {
		t.Error(p)
	}
}

// described is implemented by every attribute and block type of the provider, resource, data source and
// ephemeral schema packages.
type described interface {
	GetDescription() string
	GetMarkdownDescription() string
}

// walkSchema checks a schema (any of the framework's Schema structs) and returns one line per problem. The schema
// packages share no exported interface for nesting, so the Attributes, Blocks and NestedObject fields, which all of
// them have, are reached by reflection.
func walkSchema(ctx context.Context, owner string, schema any) []string {
	var problems []string
	if d, ok := schema.(described); ok && description(d) == "" {
		problems = append(problems, owner+": the schema has no description")
	}
	walkNested(ctx, owner, "", reflect.ValueOf(schema), &problems)
	return problems
}

// walkNested checks the attributes and blocks held by v (a schema, a nested attribute, a block or a nested object).
func walkNested(ctx context.Context, owner, prefix string, v reflect.Value, problems *[]string) {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return
	}
	for _, field := range []string{"Attributes", "Blocks"} {
		m := v.FieldByName(field)
		if !m.IsValid() || m.Kind() != reflect.Map {
			continue
		}
		keys := m.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for _, k := range keys {
			name := prefix + k.String()
			elem := m.MapIndex(k)
			a := elem.Interface()
			if d, ok := a.(described); !ok || description(d) == "" {
				*problems = append(*problems, fmt.Sprintf("%s: %s has no description", owner, name))
			} else {
				checkEnum(ctx, owner, name, description(d), a, problems)
			}
			walkNested(ctx, owner, name+".", elem, problems)
		}
	}
	if obj := v.FieldByName("NestedObject"); obj.IsValid() {
		walkNested(ctx, owner, prefix, obj, problems)
	}
}

func description(d described) string {
	if s := strings.TrimSpace(d.GetMarkdownDescription()); s != "" {
		return s
	}
	return strings.TrimSpace(d.GetDescription())
}

// checkEnum reports the values of a OneOf validator on the attribute that its description does not mention.
func checkEnum(ctx context.Context, owner, name, desc string, attr any, problems *[]string) {
	var vals []any
	if a, ok := attr.(interface{ StringValidators() []validator.String }); ok {
		for _, v := range a.StringValidators() {
			vals = append(vals, v)
		}
	}
	if a, ok := attr.(interface{ Int64Validators() []validator.Int64 }); ok {
		for _, v := range a.Int64Validators() {
			vals = append(vals, v)
		}
	}
	for _, v := range vals {
		d, ok := v.(interface{ Description(context.Context) string })
		if !ok || !strings.HasPrefix(d.Description(ctx), "value must be one of") {
			continue
		}
		var missing []string
		for _, allowed := range oneOfValues(d.Description(ctx)) {
			if !mentions(desc, allowed) {
				missing = append(missing, allowed)
			}
		}
		if len(missing) > 0 {
			*problems = append(*problems, fmt.Sprintf("%s: the description of %s does not list the allowed value(s) %s",
				owner, name, strings.Join(missing, ", ")))
		}
	}
}

// oneOfValues parses the allowed values out of the description of a stringvalidator.OneOf or
// int64validator.OneOf, which lists them quoted: `value must be one of: ["a" "b"]`.
func oneOfValues(desc string) []string {
	var out []string
	for _, q := range quotedRE.FindAllString(desc, -1) {
		if v, err := strconv.Unquote(q); err == nil {
			out = append(out, v)
		}
	}
	return out
}

var quotedRE = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)

// mentions reports whether desc names value as a whole word (so that 1 is not found inside 10).
func mentions(desc, value string) bool {
	re := regexp.MustCompile(`(^|[^A-Za-z0-9_-])` + regexp.QuoteMeta(value) + `($|[^A-Za-z0-9_])`)
	return re.MatchString(desc)
}

// TestWalkSchemaFindsProblems keeps the check above honest: it must see nested attributes and enums.
func TestWalkSchemaFindsProblems(t *testing.T) {
	s := rschema.Schema{
		Description: "A test resource.",
		Attributes: map[string]rschema.Attribute{
			"kind": rschema.StringAttribute{Optional: true, Description: "Kind: `a` (first) or `b` (second).",
				Validators: []validator.String{stringvalidator.OneOf("a", "b", "c")}},
			"type": rschema.Int64Attribute{Optional: true, Description: "Type: 1 (basic) or 10 (other).",
				Validators: []validator.Int64{int64validator.OneOf(1, 2, 10)}},
			"settings": rschema.SingleNestedAttribute{Optional: true, Description: "Settings.",
				Attributes: map[string]rschema.Attribute{"bare": rschema.BoolAttribute{Optional: true}}},
			"items": rschema.ListNestedAttribute{Optional: true, Description: "Items.",
				NestedObject: rschema.NestedAttributeObject{
					Attributes: map[string]rschema.Attribute{"name": rschema.StringAttribute{Optional: true}}}},
		},
	}
	got := walkSchema(context.Background(), "resource t", s)
	sort.Strings(got)
	want := []string{
		"resource t: items.name has no description",
		"resource t: settings.bare has no description",
		"resource t: the description of kind does not list the allowed value(s) c",
		"resource t: the description of type does not list the allowed value(s) 2",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
