import type { Lang } from '../../../../core/language.ts';
import type { Department } from '../../../../store/departments.ts';
import { ROLES } from '../../../../store/users.ts';
import type { Problems } from '../../../commands/form-problem.ts';
import { t } from '../../../i18n/index.ts';
import { SelectField } from './fields.tsx';

/** A user's role and department, the same on the new-user form and on a user's own page. */
export function RoleFields(props: {
  lang: Lang;
  role: string;
  department: string;
  departments: readonly Department[];
  problems: Problems;
}) {
  const m = t(props.lang);
  const u = m.staffUsers;
  return (
    <>
      <SelectField
        lang={props.lang}
        id="role"
        label={u.role}
        value={props.role}
        options={ROLES.map((role) => ({ value: role, label: m.staff.roles[role] }))}
        problem={props.problems.role}
      />
      <SelectField
        lang={props.lang}
        id="department"
        label={u.department}
        help={u.departmentHelp}
        value={props.department}
        options={[
          { value: '', label: m.staffKpi.noDepartment },
          ...props.departments.map((d) => ({ value: String(d.id), label: d.name })),
        ]}
        problem={props.problems.department}
      />
    </>
  );
}
