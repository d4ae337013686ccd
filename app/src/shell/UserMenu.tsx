import { useNavigate } from "react-router-dom";
import { useLogout, useRequiredSession } from "../api/session";
import { IconLogOut, IconSelector } from "../ui/icons";
import { Menu } from "./Menu";

export function UserMenu() {
  const session = useRequiredSession();
  const logout = useLogout();
  const navigate = useNavigate();
  const { name, email } = session.user;

  return (
    <Menu
      label={`Account: ${name}`}
      triggerClassName="user-button"
      placement="above"
      trigger={
        <>
          <span className="user-avatar" aria-hidden="true">
            {name.trim()[0]?.toUpperCase() ?? "?"}
          </span>
          <span className="user-text">
            <span className="user-name">{name}</span>
            <span className="user-email">{email}</span>
          </span>
          <IconSelector size={16} className="org-switcher-chevron" />
        </>
      }
      header={
        <>
          <p className="menu-header-name">{name}</p>
          <p className="menu-header-email">{email}</p>
        </>
      }
      items={[
        {
          id: "logout",
          label: "Log out",
          icon: <IconLogOut size={16} />,
          onSelect: () =>
            logout.mutate(undefined, {
              onSettled: () => navigate("/login", { replace: true }),
            }),
        },
      ]}
    />
  );
}
