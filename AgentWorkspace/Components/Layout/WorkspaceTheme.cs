using MudBlazor;

namespace AgentWorkspace.Components.Layout;

/// <summary>
/// The one theme of the workspace: an indigo brand on a light and a dark palette. Every colour a page uses comes from
/// here through the <c>--mud-palette-*</c> variables, so both palettes keep WCAG AA contrast everywhere.
/// </summary>
public static class WorkspaceTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#4338ca",
            PrimaryContrastText = "#ffffff",
            Secondary = "#0f766e",
            Tertiary = "#b45309",
            Info = "#1d4ed8",
            Success = "#15803d",
            Warning = "#b45309",
            Error = "#b91c1c",
            AppbarBackground = "#4338ca",
            AppbarText = "#ffffff",
            Background = "#f8fafc",
            Surface = "#ffffff",
            DrawerBackground = "#ffffff",
            DrawerText = "#1f2937",
            TextPrimary = "#111827",
            TextSecondary = "#4b5563",
            ActionDefault = "#374151",
            LinesDefault = "#e5e7eb",
            TableLines = "#e5e7eb",
            Divider = "#e5e7eb",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#a5b4fc",
            PrimaryContrastText = "#1e1b4b",
            // The dark palette's colours are light, so text on them (badges, chips, filled buttons) is dark.
            Secondary = "#5eead4",
            SecondaryContrastText = "#042f2e",
            Tertiary = "#fbbf24",
            TertiaryContrastText = "#451a03",
            Info = "#93c5fd",
            InfoContrastText = "#172554",
            Success = "#86efac",
            SuccessContrastText = "#052e16",
            Warning = "#fcd34d",
            WarningContrastText = "#451a03",
            Error = "#fca5a5",
            ErrorContrastText = "#450a0a",
            AppbarBackground = "#1e1b4b",
            AppbarText = "#e0e7ff",
            Background = "#0f172a",
            Surface = "#1e293b",
            DrawerBackground = "#111827",
            DrawerText = "#e5e7eb",
            TextPrimary = "#f1f5f9",
            TextSecondary = "#cbd5e1",
            ActionDefault = "#e2e8f0",
            LinesDefault = "#334155",
            TableLines = "#334155",
            Divider = "#334155",
        },
        Typography = new Typography
        {
            Button = new ButtonTypography { TextTransform = "none", FontWeight = "500" },
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "240px", DefaultBorderRadius = "8px" },
    };
}
