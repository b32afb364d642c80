package resources

import (
	"slices"
	"testing"

	"github.com/zoom-terraform/terraform-provider-zoom/internal/client"
)

func TestSameUserRef(t *testing.T) {
	for _, tc := range []struct {
		want, prior, id, email string
		same                   bool
	}{
		{"a@example.com", "a@example.com", "", "", true},
		{"A@Example.com", "a@example.com", "", "", true},
		{"u1", "a@example.com", "u1", "a@example.com", true},
		{"a@example.com", "u1", "u1", "A@example.com", true},
		{"U1", "a@example.com", "u1", "a@example.com", false}, // IDs are case-sensitive
		{"b@example.com", "a@example.com", "u1", "a@example.com", false},
		{"u2", "u1", "u1", "", false},
	} {
		if got := sameUserRef(tc.want, tc.prior, tc.id, tc.email); got != tc.same {
			t.Errorf("sameUserRef(%q, %q, %q, %q) = %v", tc.want, tc.prior, tc.id, tc.email, got)
		}
	}
}

func TestMembersAsWritten(t *testing.T) {
	current := []client.RoleMember{{ID: "u1", Email: "a@example.com"}, {ID: "u2", Email: "B@example.com"}, {ID: "u3"}}
	got := membersAsWritten(current, []string{"u1", "b@example.com", "gone@example.com"})
	want := []string{"u1", "b@example.com", "u3"}
	if !slices.Equal(got, want) {
		t.Errorf("membersAsWritten = %v, want %v", got, want)
	}
}

func TestPrivilegePattern(t *testing.T) {
	for s, ok := range map[string]bool{"User:Read": true, "Branding:Edit": true, "Group:Read": true, "read users": false,
		"User:": false, ":Read": false, "User:Read:All": false, "": false} {
		if privilegePattern.MatchString(s) != ok {
			t.Errorf("%q: want %v", s, ok)
		}
	}
}
