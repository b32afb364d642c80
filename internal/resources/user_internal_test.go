package resources

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
)

func TestDefaultDeleteAction(t *testing.T) {
	for action, want := range map[string]string{
		actionCreate: deleteDisassociate, actionSSOCreate: deleteDisassociate,
		actionCustCreate: deleteDelete, actionAutoCreate: deleteDelete,
	} {
		if got := defaultDeleteAction(action); got != want {
			t.Errorf("defaultDeleteAction(%s) = %s, want %s", action, got, want)
		}
		if why := deleteActionRefusal(action, want); why != "" {
			t.Errorf("the default %s for %s is refused: %s", want, action, why)
		}
	}
	if deleteActionRefusal(actionCustCreate, deleteDisassociate) == "" || deleteActionRefusal(actionAutoCreate, deleteDisassociate) == "" {
		t.Error("disassociate accepted for custCreate or autoCreate")
	}
	if got := createdWith([]int64{100, 99}, types.StringValue(actionCreate), types.StringNull()); got.ValueString() != actionCustCreate {
		t.Errorf("an API-user login type gives %s", got)
	}
	if got := createdWith(nil, types.StringUnknown(), types.StringValue(actionAutoCreate)); got.ValueString() != actionAutoCreate {
		t.Errorf("an unknown planned action does not fall back to the state: %s", got)
	}
}

func TestSameEmailAndPhone(t *testing.T) {
	if got := sameEmail(types.StringValue("Ada@Example.COM"), "ada@example.com"); got.ValueString() != "Ada@Example.COM" {
		t.Errorf("case-only difference not kept: %s", got)
	}
	if got := sameEmail(types.StringValue("ada@example.com"), "grace@example.com"); got.ValueString() != "grace@example.com" {
		t.Errorf("another address kept: %s", got)
	}
	if got := sameEmail(types.StringNull(), "ada@example.com"); got.ValueString() != "ada@example.com" {
		t.Errorf("import: %s", got)
	}
	prior := map[string]attr.Value{
		"country": types.StringValue("US"), "code": types.StringValue("+1"),
		"number": types.StringValue("(202) 555-0100"), "label": types.StringValue("Mobile"),
	}
	for number, want := range map[string]bool{
		"(202) 555-0100": true, "2025550100": true, "+1 2025550100": true, "202-555-0100": true,
		"2025550199": false, "": false,
	} {
		if got := samePhone(prior, client.PhoneNumber{Country: "US", Code: "+1", Number: number, Label: "Mobile"}); got != want {
			t.Errorf("samePhone(%q) = %v", number, got)
		}
	}
	if samePhone(prior, client.PhoneNumber{Country: "US", Code: "+1", Number: "2025550100", Label: "Office"}) {
		t.Error("another label counted as the same number")
	}
}

func TestKeepUnapplied(t *testing.T) {
	wanted := userModel{Status: types.StringValue("pending"), Dept: types.StringValue("Navy"), Type: types.Int64Value(2),
		JobTitle: types.StringValue("Admiral")}
	read := userModel{Status: types.StringValue("pending"), Dept: types.StringNull(), Type: types.Int64Value(1),
		JobTitle: types.StringValue("Admiral")}
	kept := keepUnapplied(&wanted, &read, []string{"type", "dept", "job_title", "dept"})
	if len(kept) != 2 || kept[0] != "dept" || kept[1] != "type" {
		t.Errorf("kept %v", kept)
	}
	if read.Dept.ValueString() != "Navy" || read.Type.ValueInt64() != 2 {
		t.Errorf("read after keep: dept %s type %s", read.Dept, read.Type)
	}
	active := userModel{Status: types.StringValue("active"), Dept: types.StringNull()}
	if kept := keepUnapplied(&wanted, &active, []string{"dept"}); kept != nil || !active.Dept.IsNull() {
		t.Errorf("an active user's Zoom values were replaced: %v %s", kept, active.Dept)
	}
	if got := sentFields(&wanted, &read); len(got) != 0 {
		t.Errorf("sentFields after keep = %v", got)
	}
	if got := sentFields(&wanted, &userModel{}); len(got) != 3 {
		t.Errorf("sentFields from empty = %v", got)
	}
}
