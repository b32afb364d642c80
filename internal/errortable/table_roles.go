package errortable

// Rows of the Roles operations (zoom_role, zoom_role_member, zoom_role_members, the zoom_role and zoom_roles data
// sources) and of the user-assistant operations (zoom_user_assistant). They live in a file of their own and join
// the table when the package is initialised.

func init() {
	table = append(table, roleRows...)
	for op, area := range roleAreas {
		areas[op] = area
	}
	for op, verb := range roleVerbs {
		verbs[op] = verb
	}
	unsent["userAssistantsDelete"] = "Users.DeleteAllAssistants"
}

var roleVerbs = map[string]string{
	"roles": "read (list)", "createRole": "create", "getRoleInformation": "read", "updateRole": "update",
	"deleteRole": "destroy", "roleMembers": "read (list)", "AddRoleMembers": "create or update",
	"roleMemberDelete": "update or destroy", "userAssistants": "read (list)", "userAssistantCreate": "create",
	"userAssistantDelete": "destroy",
}

var roleAreas = map[string]string{
	"roles": "zoom_role", "createRole": "zoom_role", "getRoleInformation": "zoom_role", "updateRole": "zoom_role",
	"deleteRole": "zoom_role", "roleMembers": "zoom_role_members", "AddRoleMembers": "zoom_role_member",
	"roleMemberDelete": "zoom_role_member", "userAssistants": "zoom_user_assistant",
	"userAssistantCreate": "zoom_user_assistant", "userAssistantDelete": "zoom_user_assistant",
	"userAssistantsDelete": "zoom_user_assistant",
}

// tfIn says that the acceptance test test (package.TestName) meets the row through Terraform and checks message.
func (x Row) tfIn(test, message string) Row { x.Terraform, x.Message = test, message; return x }

const (
	roleGone = "The role does not exist (deleted outside Terraform, or a wrong ID)."
	actRole  = "Run terraform plan: the refresh removes the role from the state and the next apply creates it " +
		"(and its members) again."
	codeUnder300 = "the sandbox answers an unknown role with HTTP 400 code 1034, a row of its own, handled alike " +
		"(Zoom files this answer under \"300\", its code, not an HTTP status)"
	roleTests      = "internal/resources.TestAccRole_lifecycle"
	assistantTests = "internal/resources.TestAccRole_lifecycle"
)

var roleRows = []Row{
	// ---- zoom_role and the zoom_role / zoom_roles data sources: GET /roles (roles)
	r("roles", 400, 4700, "The app's token lacks the role:read:admin scope.").
		diag("Add the role:read:admin scope to the Server-to-Server OAuth app; the provider's error names it.", true).
		notModelled("the sandbox answers a missing scope with code 4711, as for every operation; the provider explains both alike"),

	// ---- zoom_role: POST /roles (createRole)
	r("createRole", 300, 300, "The role name is empty.").
		diag("Give the role a name (the provider refuses an empty name at plan time).", false).
		notModelled("the provider refuses an empty name before the request; the sandbox answers it with HTTP 400 code 300"),
	r("createRole", 400, 1224, "Another role of the account already has the name.").
		diag("Choose another name, or import the existing role by its name (the provider's error shows the command).", true).sbx().
		tfIn(roleTests, `Another role of the account is already named`),

	// ---- zoom_role: GET /roles/{roleId} (getRoleInformation)
	r("getRoleInformation", 200, 200, "The app may not read roles (Zoom files this code under \"200\").").
		diag("Give the app's creator role-management rights and the role:read:admin scope.", false).notModelled(noRoles),
	r("getRoleInformation", 300, 300, roleGone).handled(Gone, actRole).notModelled(codeUnder300),
	r("getRoleInformation", 400, 1034, roleGone).handled(Gone, actRole).sbx(),

	// ---- zoom_role: PATCH /roles/{roleId} (updateRole)
	r("updateRole", 200, 200, "The account is not a paid account (Zoom files this code under \"200\").").
		diag("Roles need a Pro or higher plan.", false).notModelled("the sandbox does not tie roles to the plan"),
	r("updateRole", 300, 300, "The role cannot be updated: it is one of the built-in roles.").
		unreachable("the provider never manages a built-in role: it refuses their names and their import at plan time"),
	r("updateRole", 400, 1034, roleGone).diag(actRole, false).sbx(),
	r("updateRole", 400, 1224, "Another role of the account already has the new name.").
		diag("Choose another name.", true).sbx(),

	// ---- zoom_role: DELETE /roles/{roleId} (deleteRole)
	r("deleteRole", 200, 200, "The role does not exist, or the app may not manage roles (Zoom files this code under \"200\").").
		diag("Check that the app's creator may manage roles; if the role is gone, remove it from the state (terraform state rm).", false).
		notModelled(noRoles),
	r("deleteRole", 300, 300, roleGone).handled(Done, "Nothing to do: destroy treats it as already deleted.").notModelled(codeUnder300),
	r("deleteRole", 400, 1034, roleGone).handled(Done, "Nothing to do: destroy treats it as already deleted.").sbx(),
	r("deleteRole", 400, 300, "Users still hold the role (the sandbox's strict reading: Zoom does not document whether it "+
		"refuses or moves them), or it is a built-in role.").
		diag("Give the members another role first; the provider's error names them.", true).sbx().extra().
		tfIn("internal/resources.TestAccRole_lifecycle", `Give these members another role`),

	// ---- zoom_role_members: GET /roles/{roleId}/members (roleMembers)
	r("roleMembers", 400, 1034, roleGone).handled(Gone, actRole).sbx(),

	// ---- zoom_role_member, zoom_role_members: POST /roles/{roleId}/members (AddRoleMembers)
	r("AddRoleMembers", 400, 300, "The role is the Owner or Member role, which take no members this way.").
		handled(PlanTime, "Assign a custom role or the Admin role; users return to the Member role when their role is removed.").
		sbx().tfIn(roleTests, `Zoom does not add members to or remove members from its built-in Member role`),
	r("AddRoleMembers", 400, 300, "A member is the account owner, whose role cannot change (the sandbox's reading; "+
		"Zoom does not document the answer).").as("the account owner").
		diag("Leave the account owner out of the role's members.", false).sbx(),
	r("AddRoleMembers", 400, 1034, roleGone).diag(actRole, false).sbx(),
	r("AddRoleMembers", 404, 1001, "A member is not a user of the account (deleted, or a typing error).").
		diag("Check user_id or members: each must be the ID or e-mail of a user of the account.", false).sbx().extra(),

	// ---- zoom_role_member, zoom_role_members: DELETE /roles/{roleId}/members/{memberId} (roleMemberDelete)
	r("roleMemberDelete", 400, 1034, roleGone).handled(Done, "Nothing to do: a deleted role has no members.").sbx(),

	// ---- zoom_user_assistant: GET /users/{userId}/assistants (userAssistants)
	r("userAssistants", 404, 1001, "The user (user_id) was deleted.").
		handled(Gone, "Nothing to do: the refresh removes the assistant from the state; an apply would need the user again.").sbx(),

	// ---- zoom_user_assistant: POST /users/{userId}/assistants (userAssistantCreate)
	r("userAssistantCreate", 400, 200, "The assistant cannot be added: the user or the assistant is not a licensed "+
		"user, the account is not paid, the assistant is not found, or the user names themself.").
		diag("Both must be licensed (type 2) users of the account, and different users.", false).sbx().
		tfIn(assistantTests, `Can't assign scheduling privilege to yourself`),
	r("userAssistantCreate", 400, 200, "The assistant already has the scheduling privilege of the user.").
		as("already an assistant").handled(Done, "Nothing to do: the provider takes the existing assistant over.").sbx(),
	r("userAssistantCreate", 404, 1001, "The user (user_id) is not a user of the account.").diag(actHost, false).sbx(),

	// ---- zoom_user_assistant: DELETE /users/{userId}/assistants/{assistantId} (userAssistantDelete)
	r("userAssistantDelete", 404, 1001, "The user, or the assistant, does not exist any more (the sandbox also gives it "+
		"for a user who is not an assistant; Zoom does not document that answer).").
		handled(Done, "Nothing to do: destroy treats it as already removed.").sbx(),

	// ---- DELETE /users/{userId}/assistants (userAssistantsDelete): the client offers it; no resource calls it.
	r("userAssistantsDelete", 404, 1001, "The user does not exist.").
		diag("Check the user ID or e-mail.", false).sbx(),
}
