// Package resources implements the provider's managed resources, one file per resource. Each resource has one
// mapping function per direction (API -> model, model -> request) that Create, Read, Update and import share.
package resources

import "github.com/hashicorp/terraform-plugin-framework/resource"

// All lists the constructors of every resource the provider serves.
func All() []func() resource.Resource {
	return []func() resource.Resource{
		NewUser,
		NewMeeting,
		NewMailVacation,
		NewWebinar,
		NewMeetingRegistrant,
		NewWebinarRegistrant,
		NewTrackingField,
		// Roles and user assistants.
		NewRole,
		NewRoleMember,
		NewRoleMembers,
		NewUserAssistant,
		NewGroup,
		NewGroupMember,
		NewGroupMembers,
		NewGroupAdmin,
		// settings (set15)
		NewAccountSettings,
		NewAccountLockSettings,
		NewGroupSettings,
		NewGroupLockSettings,
		NewUserSettings,
	}
}
