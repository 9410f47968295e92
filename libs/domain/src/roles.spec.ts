import { describe, expect, it } from 'vitest';
import { can, rolesWith } from './permissions';
import { isRole, roleAssignmentProblem } from './roles';

describe('roles', () => {
  it('recognises the five roles only', () => {
    expect(['coordinator', 'expert', 'representative', 'partner', 'observer'].every(isRole)).toBe(true);
    expect(isRole('admin')).toBe(false);
    expect(isRole(3)).toBe(false);
  });

  it('ties representatives to members and partners to partner organisations', () => {
    expect(roleAssignmentProblem('representative', 'member')).toBeNull();
    expect(roleAssignmentProblem('partner', 'partner')).toBeNull();
    expect(roleAssignmentProblem('coordinator', null)).toBeNull();
    expect(roleAssignmentProblem('representative', 'partner')?.message).toMatch(/member organisation/);
    expect(roleAssignmentProblem('partner', null)?.field).toBe('organisationId');
    expect(roleAssignmentProblem('expert', 'member')?.message).toMatch(/does not represent/);
  });

  it('lets only coordinators manage people and read the audit trail', () => {
    expect(rolesWith('people.manage')).toEqual(['coordinator']);
    expect(rolesWith('audit.read')).toEqual(['coordinator']);
    expect(can('observer', 'workspace.read')).toBe(true);
    expect(can('expert', 'people.readContact')).toBe(false);
  });
});
