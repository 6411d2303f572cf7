/** The activity a tenant's users cause, by event type, as an operator reads it. */
export const ACTIVITY_TYPES: Record<string, string> = {
  'activity.login.succeeded': 'Signed in',
  'activity.login.failed': 'Failed sign-in',
  'activity.project.created': 'Created a project',
  'activity.project.updated': 'Updated a project',
  'activity.project.deleted': 'Deleted a project',
  'activity.task.created': 'Created a task',
  'activity.task.updated': 'Updated a task',
  'activity.task.completed': 'Completed a task',
  'activity.task.deleted': 'Deleted a task',
  'activity.user.invited': 'Invited a user',
  'activity.user.signup_requested': 'Asked to join',
  'activity.user.joined': 'Joined',
  'activity.user.rejected': 'Was refused',
  'activity.user.updated': 'Updated a user',
  'activity.user.removed': 'Removed a user',
  'activity.settings.updated': 'Changed settings',
};

export function activityLabel(type: string): string {
  return ACTIVITY_TYPES[type] ?? type.replace(/^activity\./, '').replace(/[._]/g, ' ');
}
