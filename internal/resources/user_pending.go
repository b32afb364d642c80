package resources

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// A user invited with action = "create" stays pending until the person accepts Zoom's invitation, and Zoom may
// answer success to a profile update of a pending user without changing anything. The provider then keeps the
// configured values in state (so that apply is consistent and the plan stays empty) and records in private state
// which attributes Zoom has not taken yet. While the user is pending, Read keeps those attributes as they are in
// state; once the user is no longer pending, Read reports what Zoom holds, so the next plan shows the fields still
// to apply and apply sends them.

// privUnapplied is the private state key holding the JSON list of attribute names Zoom has not taken yet.
const privUnapplied = "unapplied_while_pending"

const userStatusPending = "pending"

// profileFields maps the name of every attribute that PATCH /users/{userId} sets to its field in m.
func profileFields(m *userModel) map[string]any {
	return map[string]any{
		"first_name": &m.FirstName, "last_name": &m.LastName, "display_name": &m.DisplayName,
		"dept": &m.Dept, "company": &m.Company, "job_title": &m.JobTitle, "location": &m.Location,
		"language": &m.Language, "timezone": &m.Timezone, "manager": &m.Manager, "cost_center": &m.CostCenter,
		"cms_user_id": &m.CMSUserID, "pronouns": &m.Pronouns, "type": &m.Type, "pronouns_option": &m.PronounsOption,
		"pmi": &m.PMI, "use_pmi": &m.UsePMI, "phone_numbers": &m.PhoneNumbers,
	}
}

func fieldValue(p any) attr.Value {
	switch v := p.(type) {
	case *types.String:
		return *v
	case *types.Int64:
		return *v
	case *types.Bool:
		return *v
	case *types.List:
		return *v
	}
	return nil
}

func setFieldValue(p any, val attr.Value) {
	switch v := p.(type) {
	case *types.String:
		*v = val.(types.String)
	case *types.Int64:
		*v = val.(types.Int64)
	case *types.Bool:
		*v = val.(types.Bool)
	case *types.List:
		*v = val.(types.List)
	}
}

// sentFields lists the attributes the PATCH of userUpdateRequest(plan, prior) carries: known, set, and changed.
func sentFields(plan, prior *userModel) []string {
	pf, sf := profileFields(plan), profileFields(prior)
	var out []string
	for name, p := range pf {
		v := fieldValue(p)
		if !v.IsNull() && !v.IsUnknown() && !v.Equal(fieldValue(sf[name])) {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

// keepUnapplied, for a pending user just read into read, puts back the wanted value of each named attribute that
// Zoom does not hold, and returns those names.
func keepUnapplied(wanted, read *userModel, names []string) []string {
	if read.Status.ValueString() != userStatusPending {
		return nil
	}
	wf, rf := profileFields(wanted), profileFields(read)
	var kept []string
	for _, name := range names {
		w, ok := wf[name]
		if !ok {
			continue
		}
		if want := fieldValue(w); !want.IsUnknown() && !want.Equal(fieldValue(rf[name])) {
			setFieldValue(rf[name], want)
			kept = append(kept, name)
		}
	}
	slices.Sort(kept)
	return slices.Compact(kept)
}

func getUnapplied(ctx context.Context, p privateState) []string {
	b, d := p.GetKey(ctx, privUnapplied)
	var names []string
	if d.HasError() || len(b) == 0 || json.Unmarshal(b, &names) != nil {
		return nil
	}
	return names
}

func setUnapplied(ctx context.Context, p privateState, names []string) diag.Diagnostics {
	if len(names) == 0 {
		return p.SetKey(ctx, privUnapplied, nil)
	}
	b, err := json.Marshal(names)
	if err != nil {
		var d diag.Diagnostics
		d.AddError("Cannot record the user's pending fields", err.Error())
		return d
	}
	return p.SetKey(ctx, privUnapplied, b)
}

// warnUnapplied tells that Zoom has not taken the named attributes of a pending user yet.
func warnUnapplied(diags *diag.Diagnostics, email string, names []string) {
	if len(names) == 0 {
		return
	}
	diags.AddWarning("Zoom keeps part of the profile until the user accepts the invitation",
		fmt.Sprintf("%s is pending, and Zoom did not apply %s. The state keeps the configured values; once the "+
			"invitation is accepted, the next plan shows them as changes and apply sends them again.",
			email, strings.Join(names, ", ")))
}
