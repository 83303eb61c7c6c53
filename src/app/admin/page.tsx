import { redirect } from "next/navigation";

/** The admin link in the header lands on the staff users, the page with approvals waiting. */
export default function AdminPage() {
  redirect("/admin/users");
}
