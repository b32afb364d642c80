package client

import (
	"context"
	"errors"
	"strings"
)

// GroupsService is the Groups API (/groups): groups, their members and their administrators
// (docs/development/zoom-api.md#groups).
type GroupsService service

// Limits of the Groups operations.
const (
	// MaxGroupMembersPerAdd is the most members groupMembersCreate takes in one request.
	MaxGroupMembersPerAdd = 30
	// MaxGroupAdminsPerAdd is the most administrators groupAdminsCreate takes in one request.
	MaxGroupAdminsPerAdd = 10
	// MaxGroupNameLength is the longest group name (groupUpdate: fewer than 128 characters).
	MaxGroupNameLength = 127

	maxGroupsPageSize       = 300
	maxGroupMembersPageSize = 2000
	maxGroupAdminsPageSize  = 300
)

// Group is a group of the account.
type Group struct {
	ID           string `json:"id"`
	Name         string `json:"name"`
	TotalMembers int    `json:"total_members"`
}

// GroupMember is an entry of a group's member list.
type GroupMember struct {
	ID        string `json:"id"`
	Email     string `json:"email"`
	FirstName string `json:"first_name"`
	LastName  string `json:"last_name"`
	// Type is the user type (1 Basic, 2 Licensed, ...).
	Type int `json:"type"`
}

// GroupAdmin is an entry of a group's administrator list; Zoom lists no user ID.
type GroupAdmin struct {
	Email string `json:"email"`
	Name  string `json:"name"`
}

type groupAddResult struct {
	AddedAt string `json:"added_at"`
	IDs     string `json:"ids"`
}

func groupPath(groupID string, rest ...string) (string, error) {
	format := "groups/%s"
	segs := []string{groupID}
	for i := 0; i < len(rest); i += 2 {
		format += "/" + rest[i]
		if i+1 < len(rest) {
			format += "/%s"
			segs = append(segs, rest[i+1])
		}
	}
	return pathf(format, segs...)
}

// List returns every group of the account.
//
//meta:operation GET /groups
func (s *GroupsService) List(ctx context.Context) ([]Group, error) {
	return listAll[Group](ctx, s.client, "groups", nil, CategoryMedium, "groups", maxGroupsPageSize)
}

// Create creates a group. A taken name is IsGroupNameTaken.
//
//meta:operation POST /groups
func (s *GroupsService) Create(ctx context.Context, name string) (*Group, error) {
	if strings.TrimSpace(name) == "" {
		return nil, errors.New("zoom client: group name must not be empty")
	}
	body := struct {
		Name string `json:"name"`
	}{name}
	g := new(Group)
	if _, err := s.client.post(ctx, "groups", body, CategoryLight, g); err != nil {
		return nil, err
	}
	return g, nil
}

// Get returns a group. An unknown group is IsGroupNotFound.
//
//meta:operation GET /groups/{groupId}
func (s *GroupsService) Get(ctx context.Context, groupID string) (*Group, error) {
	p, err := groupPath(groupID)
	if err != nil {
		return nil, err
	}
	g := new(Group)
	if _, err := s.client.get(ctx, p, nil, CategoryLight, g); err != nil {
		return nil, err
	}
	return g, nil
}

// Rename changes a group's name.
//
//meta:operation PATCH /groups/{groupId}
func (s *GroupsService) Rename(ctx context.Context, groupID, name string) error {
	p, err := groupPath(groupID)
	if err != nil {
		return err
	}
	body := struct {
		Name string `json:"name"`
	}{name}
	_, err = s.client.patch(ctx, p, nil, body, CategoryLight)
	return err
}

// Delete deletes a group.
//
//meta:operation DELETE /groups/{groupId}
func (s *GroupsService) Delete(ctx context.Context, groupID string) error {
	p, err := groupPath(groupID)
	if err != nil {
		return err
	}
	_, err = s.client.del(ctx, p, nil, CategoryLight)
	return err
}

// ListMembers returns every member of a group, 2,000 a page.
//
//meta:operation GET /groups/{groupId}/members
func (s *GroupsService) ListMembers(ctx context.Context, groupID string) ([]GroupMember, error) {
	p, err := groupPath(groupID, "members")
	if err != nil {
		return nil, err
	}
	return listAll[GroupMember](ctx, s.client, p, nil, CategoryMedium, "members", maxGroupMembersPageSize)
}

// AddMembers adds users to a group, MaxGroupMembersPerAdd a request, and returns the IDs Zoom reports added.
//
//meta:operation POST /groups/{groupId}/members
func (s *GroupsService) AddMembers(ctx context.Context, groupID string, users []UserRef) ([]string, error) {
	return s.add(ctx, groupID, "members", users, MaxGroupMembersPerAdd)
}

// AddAdmins adds administrators to a group, MaxGroupAdminsPerAdd a request, and returns the IDs Zoom reports
// added.
//
//meta:operation POST /groups/{groupId}/admins
func (s *GroupsService) AddAdmins(ctx context.Context, groupID string, users []UserRef) ([]string, error) {
	return s.add(ctx, groupID, "admins", users, MaxGroupAdminsPerAdd)
}

func (s *GroupsService) add(ctx context.Context, groupID, field string, users []UserRef, batch int) ([]string, error) {
	p, err := groupPath(groupID, field)
	if err != nil {
		return nil, err
	}
	var ids []string
	for start := 0; start < len(users); start += batch {
		end := min(start+batch, len(users))
		body := map[string][]UserRef{field: users[start:end]}
		var out groupAddResult
		if _, err := s.client.post(ctx, p, body, CategoryMedium, &out); err != nil {
			return ids, err
		}
		for _, id := range strings.Split(out.IDs, ",") {
			if id = strings.TrimSpace(id); id != "" {
				ids = append(ids, id)
			}
		}
	}
	return ids, nil
}

// RemoveMember removes a user (ID or e-mail) from a group. A user who is not a member is IsGroupMemberNotFound.
//
//meta:operation DELETE /groups/{groupId}/members/{memberId}
func (s *GroupsService) RemoveMember(ctx context.Context, groupID, memberID string) error {
	p, err := groupPath(groupID, "members", memberID)
	if err != nil {
		return err
	}
	_, err = s.client.del(ctx, p, nil, CategoryLight)
	return err
}

// SetPrimary makes a group the primary group of one of its members.
//
//meta:operation PATCH /groups/{groupId}/members/{memberId}
func (s *GroupsService) SetPrimary(ctx context.Context, groupID, memberID string) error {
	p, err := groupPath(groupID, "members", memberID)
	if err != nil {
		return err
	}
	body := struct {
		Action        string `json:"action"`
		TargetGroupID string `json:"target_group_id"`
	}{"set_primary", groupID}
	_, err = s.client.patch(ctx, p, nil, body, CategoryMedium)
	return err
}

// ListAdmins returns every administrator of a group.
//
//meta:operation GET /groups/{groupId}/admins
func (s *GroupsService) ListAdmins(ctx context.Context, groupID string) ([]GroupAdmin, error) {
	p, err := groupPath(groupID, "admins")
	if err != nil {
		return nil, err
	}
	return listAll[GroupAdmin](ctx, s.client, p, nil, CategoryMedium, "admins", maxGroupAdminsPageSize)
}

// RemoveAdmin removes an administrator (user ID or e-mail) from a group. A user who is not one is
// IsNotGroupAdmin.
//
//meta:operation DELETE /groups/{groupId}/admins/{userId}
func (s *GroupsService) RemoveAdmin(ctx context.Context, groupID, userID string) error {
	p, err := groupPath(groupID, "admins", userID)
	if err != nil {
		return err
	}
	_, err = s.client.del(ctx, p, nil, CategoryLight)
	return err
}
